// Generated from docs/openapi.json by `npm run client:types`. Do not edit by hand.
/* eslint-disable */
export type paths = {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness probe */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @example ok */
                            status: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness probe: database and bus reachable */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @example ok */
                            status: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an account
         * @description Answers 202 whether the e-mail is new or already registered; a new address gets a verification link.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "username": "ada",
                     *       "email": "ada@example.com",
                     *       "password": "correct horse battery"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description 3–32 letters, digits, `_` or `.`; unique regardless of case
                         * @example ada_l
                         */
                        username: string;
                        /**
                         * Format: email
                         * @description An e-mail address
                         * @example ada@example.com
                         */
                        email: string;
                        /** @description 8–128 characters */
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description What happened, e.g. `verification_sent`
                             * @example verification_sent
                             */
                            status: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The page the verification link opens
         * @description Idempotent: a spent link of a verified account says "already verified".
         */
        get: {
            parameters: {
                query?: {
                    token?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
            };
        };
        put?: never;
        /** Confirm an e-mail address with the mailed token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The token from the mailed link */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** User */
                            user: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                username: string;
                                email: string;
                                emailVerified: boolean;
                                displayName: string | null;
                                bio: string | null;
                                avatar: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    name: string;
                                    /** @example image/png */
                                    mimeType: string;
                                    /** @description Bytes */
                                    size: number;
                                    /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                    url: string;
                                    thumbnailUrl: string | null;
                                    width: number | null;
                                    height: number | null;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601, UTC
                                     */
                                    createdAt: string;
                                } | null;
                                mfaEnabled: boolean;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/verify-email/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail a new verification link */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: email
                         * @description An e-mail address
                         * @example ada@example.com
                         */
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description What happened, e.g. `verification_sent`
                             * @example verification_sent
                             */
                            status: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in with e-mail and password
         * @description Returns tokens, or `{ mfaRequired, mfaToken }` when two-factor authentication is on.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "email": "ada@example.com",
                     *       "password": "correct horse battery"
                     *     }
                     */
                    "application/json": {
                        /**
                         * Format: email
                         * @description An e-mail address
                         * @example ada@example.com
                         */
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A JWT for `Authorization: Bearer`; short-lived */
                            accessToken: string;
                            /** @description Opaque, single use: each refresh returns a new one */
                            refreshToken: string;
                            /** @enum {string} */
                            tokenType: "Bearer";
                            /** @description Seconds until the access token expires */
                            expiresIn: number;
                            /**
                             * Format: uuid
                             * @description An opaque id
                             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                             */
                            sessionId: string;
                            /** User */
                            user: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                username: string;
                                email: string;
                                emailVerified: boolean;
                                displayName: string | null;
                                bio: string | null;
                                avatar: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    name: string;
                                    /** @example image/png */
                                    mimeType: string;
                                    /** @description Bytes */
                                    size: number;
                                    /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                    url: string;
                                    thumbnailUrl: string | null;
                                    width: number | null;
                                    height: number | null;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601, UTC
                                     */
                                    createdAt: string;
                                } | null;
                                mfaEnabled: boolean;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                            };
                        } | {
                            /** @enum {boolean} */
                            mfaRequired: true;
                            /** @description Send it with a code to `POST /login/mfa` within 5 minutes */
                            mfaToken: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/login/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Second login step: a TOTP code or a recovery code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "mfaToken": "hG3…",
                     *       "code": "492039"
                     *     }
                     */
                    "application/json": {
                        mfaToken: string;
                        /**
                         * @description A 6-digit TOTP code, or one of your recovery codes (single use)
                         * @example 123456
                         */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A JWT for `Authorization: Bearer`; short-lived */
                            accessToken: string;
                            /** @description Opaque, single use: each refresh returns a new one */
                            refreshToken: string;
                            /** @enum {string} */
                            tokenType: "Bearer";
                            /** @description Seconds until the access token expires */
                            expiresIn: number;
                            /**
                             * Format: uuid
                             * @description An opaque id
                             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                             */
                            sessionId: string;
                            /** User */
                            user: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                username: string;
                                email: string;
                                emailVerified: boolean;
                                displayName: string | null;
                                bio: string | null;
                                avatar: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    name: string;
                                    /** @example image/png */
                                    mimeType: string;
                                    /** @description Bytes */
                                    size: number;
                                    /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                    url: string;
                                    thumbnailUrl: string | null;
                                    width: number | null;
                                    height: number | null;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601, UTC
                                     */
                                    createdAt: string;
                                } | null;
                                mfaEnabled: boolean;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/token/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for new tokens
         * @description Refresh tokens rotate; presenting a spent one revokes its session (`session_revoked`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refreshToken: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A JWT for `Authorization: Bearer`; short-lived */
                            accessToken: string;
                            /** @description Opaque, single use: each refresh returns a new one */
                            refreshToken: string;
                            /** @enum {string} */
                            tokenType: "Bearer";
                            /** @description Seconds until the access token expires */
                            expiresIn: number;
                            /**
                             * Format: uuid
                             * @description An opaque id
                             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                             */
                            sessionId: string;
                            /** User */
                            user: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                username: string;
                                email: string;
                                emailVerified: boolean;
                                displayName: string | null;
                                bio: string | null;
                                avatar: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    name: string;
                                    /** @example image/png */
                                    mimeType: string;
                                    /** @description Bytes */
                                    size: number;
                                    /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                    url: string;
                                    thumbnailUrl: string | null;
                                    width: number | null;
                                    height: number | null;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601, UTC
                                     */
                                    createdAt: string;
                                } | null;
                                mfaEnabled: boolean;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session of a refresh token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refreshToken: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/password/forgot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail a password reset link */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: email
                         * @description An e-mail address
                         * @example ada@example.com
                         */
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description What happened, e.g. `verification_sent`
                             * @example verification_sent
                             */
                            status: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The page the reset link opens: a form */
        get: {
            parameters: {
                query?: {
                    token?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with the mailed token
         * @description Every session is revoked.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The token from the mailed link */
                        token: string;
                        /** @description 8–128 characters */
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/logout/all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke every session of your account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your active sessions (devices) */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from `nextCursor` */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sessions: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                lastUsedAt: string;
                                userAgent: string | null;
                                ip: string | null;
                                /** @description The session of the access token making this request */
                                current: boolean;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of your sessions */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description An opaque id
                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                     */
                    sessionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/profile/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change your password
         * @description Your other sessions are revoked.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        /** @description 8–128 characters */
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/profile/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change your e-mail address
         * @description A link is mailed to the new address; the change applies when it is followed.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        /**
                         * Format: email
                         * @description An e-mail address
                         * @example ada@example.com
                         */
                        newEmail: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description What happened, e.g. `verification_sent`
                             * @example verification_sent
                             */
                            status: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mfa/totp/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start TOTP setup: a new secret for your authenticator app */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Base32 secret to type into an authenticator app */
                            secret: string;
                            /** @description `otpauth://totp/…` URI (SHA-1, 6 digits, 30 s), for a QR code */
                            otpauthUrl: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mfa/totp/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn TOTP on with a first code; returns 10 recovery codes */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description A 6-digit TOTP code, or one of your recovery codes (single use)
                         * @example 123456
                         */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 10 single-use codes; shown only once */
                            recoveryCodes: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mfa/totp/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn TOTP off (password and a code) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        /**
                         * @description A 6-digit TOTP code, or one of your recovery codes (single use)
                         * @example 123456
                         */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your own profile */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description An opaque id
                             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                             */
                            id: string;
                            username: string;
                            email: string;
                            emailVerified: boolean;
                            displayName: string | null;
                            bio: string | null;
                            avatar: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                name: string;
                                /** @example image/png */
                                mimeType: string;
                                /** @description Bytes */
                                size: number;
                                /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                url: string;
                                thumbnailUrl: string | null;
                                width: number | null;
                                height: number | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                            } | null;
                            mfaEnabled: boolean;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        /**
         * Update display name, bio, username or avatar
         * @description Tells you (`User`) and your friends (`PublicUser`) with `profile.updated`. The avatar must be an image you uploaded.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName?: null | string;
                        bio?: null | string;
                        /**
                         * @description 3–32 letters, digits, `_` or `.`; unique regardless of case
                         * @example ada_l
                         */
                        username?: string;
                        avatarFileId?: null | string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description An opaque id
                             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                             */
                            id: string;
                            username: string;
                            email: string;
                            emailVerified: boolean;
                            displayName: string | null;
                            bio: string | null;
                            avatar: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                name: string;
                                /** @example image/png */
                                mimeType: string;
                                /** @description Bytes */
                                size: number;
                                /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                url: string;
                                thumbnailUrl: string | null;
                                width: number | null;
                                height: number | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                            } | null;
                            mfaEnabled: boolean;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        /**
         * Delete your account
         * @description Revokes every session, ends friendships and memberships and anonymises the profile; sent messages stay, from "Deleted user".
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Your current password */
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Another user's public profile
         * @description `online` and `lastSeenAt` are present only when you are friends.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description An opaque id
                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                     */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description An opaque id
                             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                             */
                            id: string;
                            username: string;
                            displayName: string | null;
                            bio: string | null;
                            avatar: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                name: string;
                                /** @example image/png */
                                mimeType: string;
                                /** @description Bytes */
                                size: number;
                                /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                url: string;
                                thumbnailUrl: string | null;
                                width: number | null;
                                height: number | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                            } | null;
                            /** @description Only when the viewer is a friend */
                            online?: boolean;
                            lastSeenAt?: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search users by username prefix */
        get: {
            parameters: {
                query: {
                    /** @description Username prefix, case-insensitive */
                    query: string;
                    /** @description Opaque cursor from `nextCursor` */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            users: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                username: string;
                                displayName: string | null;
                                bio: string | null;
                                avatar: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    name: string;
                                    /** @example image/png */
                                    mimeType: string;
                                    /** @description Bytes */
                                    size: number;
                                    /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                    url: string;
                                    thumbnailUrl: string | null;
                                    width: number | null;
                                    height: number | null;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601, UTC
                                     */
                                    createdAt: string;
                                } | null;
                                /** @description Only when the viewer is a friend */
                                online?: boolean;
                                lastSeenAt?: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a file (multipart field `file`) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description The file; its type is taken from its bytes
                         */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description An opaque id
                             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                             */
                            id: string;
                            name: string;
                            /** @example image/png */
                            mimeType: string;
                            /** @description Bytes */
                            size: number;
                            /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                            url: string;
                            thumbnailUrl: string | null;
                            width: number | null;
                            height: number | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a file
         * @description Accepts a Bearer token or the signature of a URL presented in a `File`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Expiry of a signed URL (unix seconds), as presented in `File.url` */
                    expires?: number;
                    /** @description Signature of a signed URL, as presented in `File.url` */
                    sig?: string;
                };
                header?: never;
                path: {
                    /**
                     * @description An opaque id
                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                     */
                    fileId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The bytes (a single range of them for 206) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description The bytes (a single range of them for 206) */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description The bytes (a single range of them for 206) */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                416: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the thumbnail of an image (WebP, at most 320 px)
         * @description Accepts a Bearer token or the signature of a URL presented in a `File`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Expiry of a signed URL (unix seconds), as presented in `File.url` */
                    expires?: number;
                    /** @description Signature of a signed URL, as presented in `File.url` */
                    sig?: string;
                };
                header?: never;
                path: {
                    /**
                     * @description An opaque id
                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                     */
                    fileId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The bytes (a single range of them for 206) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description The bytes (a single range of them for 206) */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description The bytes (a single range of them for 206) */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                416: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/friends/add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a friend request (by user id or username)
         * @description If the other user already asked you, you become friends at once (200 `{ friend }`). A request to someone who blocked you answers as usual and is never delivered.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Exactly one of `userId` or `username` */
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description An opaque id
                         * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                         */
                        userId?: string;
                        /** @description Case-insensitive */
                        username?: string;
                    };
                };
            };
            responses: {
                /** @description The new friend, with `online` and `lastSeenAt` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** PublicUser */
                            friend: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                username: string;
                                displayName: string | null;
                                bio: string | null;
                                avatar: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    name: string;
                                    /** @example image/png */
                                    mimeType: string;
                                    /** @description Bytes */
                                    size: number;
                                    /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                    url: string;
                                    thumbnailUrl: string | null;
                                    width: number | null;
                                    height: number | null;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601, UTC
                                     */
                                    createdAt: string;
                                } | null;
                                /** @description Only when the viewer is a friend */
                                online?: boolean;
                                lastSeenAt?: string | null;
                            };
                        };
                    };
                };
                /** @description A new pending request */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** FriendRequest */
                            request: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                /** PublicUser */
                                from: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    username: string;
                                    displayName: string | null;
                                    bio: string | null;
                                    avatar: {
                                        /**
                                         * Format: uuid
                                         * @description An opaque id
                                         * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                         */
                                        id: string;
                                        name: string;
                                        /** @example image/png */
                                        mimeType: string;
                                        /** @description Bytes */
                                        size: number;
                                        /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                        url: string;
                                        thumbnailUrl: string | null;
                                        width: number | null;
                                        height: number | null;
                                        /**
                                         * Format: date-time
                                         * @description ISO 8601, UTC
                                         */
                                        createdAt: string;
                                    } | null;
                                    /** @description Only when the viewer is a friend */
                                    online?: boolean;
                                    lastSeenAt?: string | null;
                                };
                                /** PublicUser */
                                to: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    username: string;
                                    displayName: string | null;
                                    bio: string | null;
                                    avatar: {
                                        /**
                                         * Format: uuid
                                         * @description An opaque id
                                         * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                         */
                                        id: string;
                                        name: string;
                                        /** @example image/png */
                                        mimeType: string;
                                        /** @description Bytes */
                                        size: number;
                                        /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                        url: string;
                                        thumbnailUrl: string | null;
                                        width: number | null;
                                        height: number | null;
                                        /**
                                         * Format: date-time
                                         * @description ISO 8601, UTC
                                         */
                                        createdAt: string;
                                    } | null;
                                    /** @description Only when the viewer is a friend */
                                    online?: boolean;
                                    lastSeenAt?: string | null;
                                };
                                status: "pending" | "accepted" | "declined" | "cancelled";
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/friends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your friends, newest first, with online status */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from `nextCursor` */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            friends: {
                                /** PublicUser */
                                user: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    username: string;
                                    displayName: string | null;
                                    bio: string | null;
                                    avatar: {
                                        /**
                                         * Format: uuid
                                         * @description An opaque id
                                         * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                         */
                                        id: string;
                                        name: string;
                                        /** @example image/png */
                                        mimeType: string;
                                        /** @description Bytes */
                                        size: number;
                                        /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                        url: string;
                                        thumbnailUrl: string | null;
                                        width: number | null;
                                        height: number | null;
                                        /**
                                         * Format: date-time
                                         * @description ISO 8601, UTC
                                         */
                                        createdAt: string;
                                    } | null;
                                    /** @description Only when the viewer is a friend */
                                    online?: boolean;
                                    lastSeenAt?: string | null;
                                };
                                /**
                                 * Format: date-time
                                 * @description When you became friends
                                 */
                                since: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/friends/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pending friend requests, to you and from you */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Pending requests to you */
                            incoming: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                /** PublicUser */
                                from: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    username: string;
                                    displayName: string | null;
                                    bio: string | null;
                                    avatar: {
                                        /**
                                         * Format: uuid
                                         * @description An opaque id
                                         * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                         */
                                        id: string;
                                        name: string;
                                        /** @example image/png */
                                        mimeType: string;
                                        /** @description Bytes */
                                        size: number;
                                        /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                        url: string;
                                        thumbnailUrl: string | null;
                                        width: number | null;
                                        height: number | null;
                                        /**
                                         * Format: date-time
                                         * @description ISO 8601, UTC
                                         */
                                        createdAt: string;
                                    } | null;
                                    /** @description Only when the viewer is a friend */
                                    online?: boolean;
                                    lastSeenAt?: string | null;
                                };
                                /** PublicUser */
                                to: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    username: string;
                                    displayName: string | null;
                                    bio: string | null;
                                    avatar: {
                                        /**
                                         * Format: uuid
                                         * @description An opaque id
                                         * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                         */
                                        id: string;
                                        name: string;
                                        /** @example image/png */
                                        mimeType: string;
                                        /** @description Bytes */
                                        size: number;
                                        /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                        url: string;
                                        thumbnailUrl: string | null;
                                        width: number | null;
                                        height: number | null;
                                        /**
                                         * Format: date-time
                                         * @description ISO 8601, UTC
                                         */
                                        createdAt: string;
                                    } | null;
                                    /** @description Only when the viewer is a friend */
                                    online?: boolean;
                                    lastSeenAt?: string | null;
                                };
                                status: "pending" | "accepted" | "declined" | "cancelled";
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                            }[];
                            /** @description Pending requests you sent */
                            outgoing: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                /** PublicUser */
                                from: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    username: string;
                                    displayName: string | null;
                                    bio: string | null;
                                    avatar: {
                                        /**
                                         * Format: uuid
                                         * @description An opaque id
                                         * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                         */
                                        id: string;
                                        name: string;
                                        /** @example image/png */
                                        mimeType: string;
                                        /** @description Bytes */
                                        size: number;
                                        /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                        url: string;
                                        thumbnailUrl: string | null;
                                        width: number | null;
                                        height: number | null;
                                        /**
                                         * Format: date-time
                                         * @description ISO 8601, UTC
                                         */
                                        createdAt: string;
                                    } | null;
                                    /** @description Only when the viewer is a friend */
                                    online?: boolean;
                                    lastSeenAt?: string | null;
                                };
                                /** PublicUser */
                                to: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    username: string;
                                    displayName: string | null;
                                    bio: string | null;
                                    avatar: {
                                        /**
                                         * Format: uuid
                                         * @description An opaque id
                                         * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                         */
                                        id: string;
                                        name: string;
                                        /** @example image/png */
                                        mimeType: string;
                                        /** @description Bytes */
                                        size: number;
                                        /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                        url: string;
                                        thumbnailUrl: string | null;
                                        width: number | null;
                                        height: number | null;
                                        /**
                                         * Format: date-time
                                         * @description ISO 8601, UTC
                                         */
                                        createdAt: string;
                                    } | null;
                                    /** @description Only when the viewer is a friend */
                                    online?: boolean;
                                    lastSeenAt?: string | null;
                                };
                                status: "pending" | "accepted" | "declined" | "cancelled";
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/friends/requests/{requestId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept a friend request (addressee only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description An opaque id
                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                     */
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The new friend, with `online` and `lastSeenAt` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** PublicUser */
                            friend: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                username: string;
                                displayName: string | null;
                                bio: string | null;
                                avatar: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    name: string;
                                    /** @example image/png */
                                    mimeType: string;
                                    /** @description Bytes */
                                    size: number;
                                    /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                    url: string;
                                    thumbnailUrl: string | null;
                                    width: number | null;
                                    height: number | null;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601, UTC
                                     */
                                    createdAt: string;
                                } | null;
                                /** @description Only when the viewer is a friend */
                                online?: boolean;
                                lastSeenAt?: string | null;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/friends/requests/{requestId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline a friend request (addressee only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description An opaque id
                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                     */
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/friends/requests/{requestId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Cancel a friend request you sent */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description An opaque id
                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                     */
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/friends/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End a friendship
         * @description History stays readable; new direct messages between you are refused (403 `not_friends`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description An opaque id
                         * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                         */
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/blocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users you blocked */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from `nextCursor` */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            blocks: {
                                /** PublicUser */
                                user: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    username: string;
                                    displayName: string | null;
                                    bio: string | null;
                                    avatar: {
                                        /**
                                         * Format: uuid
                                         * @description An opaque id
                                         * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                         */
                                        id: string;
                                        name: string;
                                        /** @example image/png */
                                        mimeType: string;
                                        /** @description Bytes */
                                        size: number;
                                        /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                        url: string;
                                        thumbnailUrl: string | null;
                                        width: number | null;
                                        height: number | null;
                                        /**
                                         * Format: date-time
                                         * @description ISO 8601, UTC
                                         */
                                        createdAt: string;
                                    } | null;
                                    /** @description Only when the viewer is a friend */
                                    online?: boolean;
                                    lastSeenAt?: string | null;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Block a user
         * @description Ends the friendship and refuses requests and direct messages both ways; shared groups are unaffected. Idempotent.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description An opaque id
                         * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                         */
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/blocks/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unblock a user */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description An opaque id
                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                     */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your notifications, most recently updated first */
        get: {
            parameters: {
                query?: {
                    /** @description Only unread notifications */
                    unreadOnly?: boolean;
                    /** @description Opaque cursor from `nextCursor` */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            notifications: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                /** @description What happened */
                                type: "friend_request" | "friend_accepted" | "message" | "mention" | "group_added";
                                actor: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    username: string;
                                    displayName: string | null;
                                    bio: string | null;
                                    avatar: {
                                        /**
                                         * Format: uuid
                                         * @description An opaque id
                                         * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                         */
                                        id: string;
                                        name: string;
                                        /** @example image/png */
                                        mimeType: string;
                                        /** @description Bytes */
                                        size: number;
                                        /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                        url: string;
                                        thumbnailUrl: string | null;
                                        width: number | null;
                                        height: number | null;
                                        /**
                                         * Format: date-time
                                         * @description ISO 8601, UTC
                                         */
                                        createdAt: string;
                                    } | null;
                                    /** @description Only when the viewer is a friend */
                                    online?: boolean;
                                    lastSeenAt?: string | null;
                                } | null;
                                /** @description Type-specific: `requestId` (friend_request, friend_accepted); `conversationId`, `count`, `lastMessage` (message); `conversationId`, `messageId`, `groupId` (mention); `groupId` (group_added) */
                                data: {
                                    [key: string]: unknown;
                                };
                                read: boolean;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                updatedAt: string;
                            }[];
                            /** @description Unread notifications in total, whatever the page */
                            unreadCount: number;
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark notifications read (`ids`, or `all: true`)
         * @description Does not mark conversations read. Each notification that changes is pushed as `notification.updated`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Notifications to mark read */
                        ids: string[];
                    } | {
                        /**
                         * @description Mark every notification read
                         * @enum {boolean}
                         */
                        all: true;
                    };
                };
            };
            responses: {
                /** @description Marked read */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the groups you belong to, most recently updated first */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from `nextCursor` */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            groups: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                conversationId: string;
                                name: string;
                                description: string;
                                avatar: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    name: string;
                                    /** @example image/png */
                                    mimeType: string;
                                    /** @description Bytes */
                                    size: number;
                                    /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                    url: string;
                                    thumbnailUrl: string | null;
                                    width: number | null;
                                    height: number | null;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601, UTC
                                     */
                                    createdAt: string;
                                } | null;
                                ownerId: string | null;
                                memberCount: number;
                                /** @description owner (one per group), admin (manages the group and its members), member */
                                myRole: "owner" | "admin" | "member";
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a group with some of your friends; you are its owner */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Shown to every member; 1–100 characters, not only spaces, no control characters */
                        name: string;
                        /** @description Friends of the creator to add at once; the creator is added as owner */
                        memberIds: string[];
                        /** @description Up to 1000 characters (line breaks allowed); empty for none */
                        description?: string;
                        /** @description An image you uploaded (`POST /files`); null or absent for none */
                        avatarFileId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description An opaque id
                             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description An opaque id
                             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                             */
                            conversationId: string;
                            name: string;
                            description: string;
                            avatar: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                name: string;
                                /** @example image/png */
                                mimeType: string;
                                /** @description Bytes */
                                size: number;
                                /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                url: string;
                                thumbnailUrl: string | null;
                                width: number | null;
                                height: number | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                            } | null;
                            ownerId: string | null;
                            memberCount: number;
                            /** @description owner (one per group), admin (manages the group and its members), member */
                            myRole: "owner" | "admin" | "member";
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups/{groupId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** View a group (members only; 404 for everyone else) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The group (404 unless you are a member) */
                    groupId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description An opaque id
                             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description An opaque id
                             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                             */
                            conversationId: string;
                            name: string;
                            description: string;
                            avatar: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                name: string;
                                /** @example image/png */
                                mimeType: string;
                                /** @description Bytes */
                                size: number;
                                /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                url: string;
                                thumbnailUrl: string | null;
                                width: number | null;
                                height: number | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                            } | null;
                            ownerId: string | null;
                            memberCount: number;
                            /** @description owner (one per group), admin (manages the group and its members), member */
                            myRole: "owner" | "admin" | "member";
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        /** Rename a group, change its description or picture (owner/admin) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The group (404 unless you are a member) */
                    groupId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Shown to every member; 1–100 characters, not only spaces, no control characters */
                        name?: string;
                        /** @description Up to 1000 characters (line breaks allowed); empty for none */
                        description?: string;
                        /** @description An image you uploaded; null clears the picture */
                        avatarFileId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description An opaque id
                             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description An opaque id
                             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                             */
                            conversationId: string;
                            name: string;
                            description: string;
                            avatar: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                name: string;
                                /** @example image/png */
                                mimeType: string;
                                /** @description Bytes */
                                size: number;
                                /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                url: string;
                                thumbnailUrl: string | null;
                                width: number | null;
                                height: number | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                            } | null;
                            ownerId: string | null;
                            memberCount: number;
                            /** @description owner (one per group), admin (manages the group and its members), member */
                            myRole: "owner" | "admin" | "member";
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups/{groupId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the members of a group, longest-standing first */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from `nextCursor` */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description The group (404 unless you are a member) */
                    groupId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            members: {
                                /** PublicUser */
                                user: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    username: string;
                                    displayName: string | null;
                                    bio: string | null;
                                    avatar: {
                                        /**
                                         * Format: uuid
                                         * @description An opaque id
                                         * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                         */
                                        id: string;
                                        name: string;
                                        /** @example image/png */
                                        mimeType: string;
                                        /** @description Bytes */
                                        size: number;
                                        /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                        url: string;
                                        thumbnailUrl: string | null;
                                        width: number | null;
                                        height: number | null;
                                        /**
                                         * Format: date-time
                                         * @description ISO 8601, UTC
                                         */
                                        createdAt: string;
                                    } | null;
                                    /** @description Only when the viewer is a friend */
                                    online?: boolean;
                                    lastSeenAt?: string | null;
                                };
                                /** @description owner (one per group), admin (manages the group and its members), member */
                                role: "owner" | "admin" | "member";
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                joinedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups/{groupId}/add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add one of your friends to a group (owner/admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The group (404 unless you are a member) */
                    groupId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The user to add or remove
                         */
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description An opaque id
                             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description An opaque id
                             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                             */
                            conversationId: string;
                            name: string;
                            description: string;
                            avatar: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                name: string;
                                /** @example image/png */
                                mimeType: string;
                                /** @description Bytes */
                                size: number;
                                /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                url: string;
                                thumbnailUrl: string | null;
                                width: number | null;
                                height: number | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                            } | null;
                            ownerId: string | null;
                            memberCount: number;
                            /** @description owner (one per group), admin (manages the group and its members), member */
                            myRole: "owner" | "admin" | "member";
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups/{groupId}/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove a member (the owner removes anyone else, admins remove members) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The group (404 unless you are a member) */
                    groupId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The user to add or remove
                         */
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description An opaque id
                             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description An opaque id
                             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                             */
                            conversationId: string;
                            name: string;
                            description: string;
                            avatar: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                name: string;
                                /** @example image/png */
                                mimeType: string;
                                /** @description Bytes */
                                size: number;
                                /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                url: string;
                                thumbnailUrl: string | null;
                                width: number | null;
                                height: number | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                            } | null;
                            ownerId: string | null;
                            memberCount: number;
                            /** @description owner (one per group), admin (manages the group and its members), member */
                            myRole: "owner" | "admin" | "member";
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups/{groupId}/leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Leave a group; an owner leaving hands ownership on, the last member archives it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The group (404 unless you are a member) */
                    groupId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Left the group */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups/{groupId}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a member's role (owner only); `owner` transfers ownership */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The group (404 unless you are a member) */
                    groupId: string;
                    /** @description A member of the group */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description owner (one per group), admin (manages the group and its members), member */
                        role: "owner" | "admin" | "member";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description An opaque id
                             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description An opaque id
                             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                             */
                            conversationId: string;
                            name: string;
                            description: string;
                            avatar: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                name: string;
                                /** @example image/png */
                                mimeType: string;
                                /** @description Bytes */
                                size: number;
                                /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                url: string;
                                thumbnailUrl: string | null;
                                width: number | null;
                                height: number | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                            } | null;
                            ownerId: string | null;
                            memberCount: number;
                            /** @description owner (one per group), admin (manages the group and its members), member */
                            myRole: "owner" | "admin" | "member";
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a message to a friend or a group
         * @description Exactly one of `recipientId` and `groupId`; text and/or attachments. A repeated `clientMessageId` answers 200 with the first message.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description An opaque id
                         * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                         */
                        recipientId?: string;
                        /**
                         * Format: uuid
                         * @description An opaque id
                         * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                         */
                        groupId?: string;
                        /** @description Up to MAX_MESSAGE_LENGTH (default 4000) characters */
                        text?: string;
                        /** @description Files you uploaded */
                        attachmentIds?: string[];
                        /**
                         * Format: uuid
                         * @description An opaque id
                         * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                         */
                        replyToId?: string;
                        mentions?: string[];
                        /** @description Idempotency key: a retry with the same value returns the first message */
                        clientMessageId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description An opaque id
                             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description An opaque id
                             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                             */
                            conversationId: string;
                            groupId: string | null;
                            senderId: string | null;
                            recipientId: string | null;
                            /** @description Position in its conversation: increases by one per message */
                            seq: number;
                            type: "text" | "system";
                            text: string | null;
                            attachments: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                name: string;
                                /** @example image/png */
                                mimeType: string;
                                /** @description Bytes */
                                size: number;
                                /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                url: string;
                                thumbnailUrl: string | null;
                                width: number | null;
                                height: number | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                            }[];
                            replyTo: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                senderId: string | null;
                                text: string | null;
                            } | null;
                            /** @description Mentioned user ids (members only) */
                            mentions: string[];
                            system: ({
                                kind: string;
                            } & {
                                [key: string]: unknown;
                            }) | null;
                            clientMessageId: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                            editedAt: string | null;
                            deletedAt: string | null;
                            status: ("sent" | "delivered" | "read") | null;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description An opaque id
                             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description An opaque id
                             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                             */
                            conversationId: string;
                            groupId: string | null;
                            senderId: string | null;
                            recipientId: string | null;
                            /** @description Position in its conversation: increases by one per message */
                            seq: number;
                            type: "text" | "system";
                            text: string | null;
                            attachments: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                name: string;
                                /** @example image/png */
                                mimeType: string;
                                /** @description Bytes */
                                size: number;
                                /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                url: string;
                                thumbnailUrl: string | null;
                                width: number | null;
                                height: number | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                            }[];
                            replyTo: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                senderId: string | null;
                                text: string | null;
                            } | null;
                            /** @description Mentioned user ids (members only) */
                            mentions: string[];
                            system: ({
                                kind: string;
                            } & {
                                [key: string]: unknown;
                            }) | null;
                            clientMessageId: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                            editedAt: string | null;
                            deletedAt: string | null;
                            status: ("sent" | "delivered" | "read") | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * History of the direct chat with a user
         * @description `id` is the **other user's id**. Pages are oldest first; `before`/`after` are message ids of this chat.
         */
        get: {
            parameters: {
                query?: {
                    /**
                     * @description An opaque id
                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                     */
                    before?: string;
                    /**
                     * @description An opaque id
                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                     */
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    /**
                     * @description An opaque id
                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Oldest first */
                            messages: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                conversationId: string;
                                groupId: string | null;
                                senderId: string | null;
                                recipientId: string | null;
                                /** @description Position in its conversation: increases by one per message */
                                seq: number;
                                type: "text" | "system";
                                text: string | null;
                                attachments: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    name: string;
                                    /** @example image/png */
                                    mimeType: string;
                                    /** @description Bytes */
                                    size: number;
                                    /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                    url: string;
                                    thumbnailUrl: string | null;
                                    width: number | null;
                                    height: number | null;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601, UTC
                                     */
                                    createdAt: string;
                                }[];
                                replyTo: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    senderId: string | null;
                                    text: string | null;
                                } | null;
                                /** @description Mentioned user ids (members only) */
                                mentions: string[];
                                system: ({
                                    kind: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                clientMessageId: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                                editedAt: string | null;
                                deletedAt: string | null;
                                status: ("sent" | "delivered" | "read") | null;
                            }[];
                            /** @description More messages exist beyond this page in the direction asked (older without a cursor) */
                            hasMore: boolean;
                            /** @description With `around`: older messages exist */
                            hasMoreBefore?: boolean;
                            /** @description With `around`: newer messages exist */
                            hasMoreAfter?: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a message (a tombstone remains)
         * @description `id` is the **message id**. The sender, or an owner/admin of the group.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description An opaque id
                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Edit your message
         * @description `id` is the **message id**. Sender only; 404 once deleted.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description An opaque id
                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description An opaque id
                             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description An opaque id
                             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                             */
                            conversationId: string;
                            groupId: string | null;
                            senderId: string | null;
                            recipientId: string | null;
                            /** @description Position in its conversation: increases by one per message */
                            seq: number;
                            type: "text" | "system";
                            text: string | null;
                            attachments: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                name: string;
                                /** @example image/png */
                                mimeType: string;
                                /** @description Bytes */
                                size: number;
                                /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                url: string;
                                thumbnailUrl: string | null;
                                width: number | null;
                                height: number | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                            }[];
                            replyTo: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                senderId: string | null;
                                text: string | null;
                            } | null;
                            /** @description Mentioned user ids (members only) */
                            mentions: string[];
                            system: ({
                                kind: string;
                            } & {
                                [key: string]: unknown;
                            }) | null;
                            clientMessageId: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                            editedAt: string | null;
                            deletedAt: string | null;
                            status: ("sent" | "delivered" | "read") | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/messages/group/{groupId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** History of a group you are a member of */
        get: {
            parameters: {
                query?: {
                    /**
                     * @description An opaque id
                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                     */
                    before?: string;
                    /**
                     * @description An opaque id
                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                     */
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    /**
                     * @description An opaque id
                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                     */
                    groupId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Oldest first */
                            messages: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                conversationId: string;
                                groupId: string | null;
                                senderId: string | null;
                                recipientId: string | null;
                                /** @description Position in its conversation: increases by one per message */
                                seq: number;
                                type: "text" | "system";
                                text: string | null;
                                attachments: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    name: string;
                                    /** @example image/png */
                                    mimeType: string;
                                    /** @description Bytes */
                                    size: number;
                                    /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                    url: string;
                                    thumbnailUrl: string | null;
                                    width: number | null;
                                    height: number | null;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601, UTC
                                     */
                                    createdAt: string;
                                }[];
                                replyTo: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    senderId: string | null;
                                    text: string | null;
                                } | null;
                                /** @description Mentioned user ids (members only) */
                                mentions: string[];
                                system: ({
                                    kind: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                clientMessageId: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                                editedAt: string | null;
                                deletedAt: string | null;
                                status: ("sent" | "delivered" | "read") | null;
                            }[];
                            /** @description More messages exist beyond this page in the direction asked (older without a cursor) */
                            hasMore: boolean;
                            /** @description With `around`: older messages exist */
                            hasMoreBefore?: boolean;
                            /** @description With `around`: newer messages exist */
                            hasMoreAfter?: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messages/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a message and everything before it read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description An opaque id
                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messages/{id}/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who received and read a message */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description An opaque id
                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Members other than the sender who received / read the message, and when */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            delivered: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                userId: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                at: string;
                            }[];
                            read: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                userId: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                at: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your conversations, most recent activity first */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from `nextCursor` */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            conversations: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                type: "direct" | "group";
                                peer: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    username: string;
                                    displayName: string | null;
                                    bio: string | null;
                                    avatar: {
                                        /**
                                         * Format: uuid
                                         * @description An opaque id
                                         * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                         */
                                        id: string;
                                        name: string;
                                        /** @example image/png */
                                        mimeType: string;
                                        /** @description Bytes */
                                        size: number;
                                        /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                        url: string;
                                        thumbnailUrl: string | null;
                                        width: number | null;
                                        height: number | null;
                                        /**
                                         * Format: date-time
                                         * @description ISO 8601, UTC
                                         */
                                        createdAt: string;
                                    } | null;
                                    /** @description Only when the viewer is a friend */
                                    online?: boolean;
                                    lastSeenAt?: string | null;
                                } | null;
                                group: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    conversationId: string;
                                    name: string;
                                    description: string;
                                    avatar: {
                                        /**
                                         * Format: uuid
                                         * @description An opaque id
                                         * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                         */
                                        id: string;
                                        name: string;
                                        /** @example image/png */
                                        mimeType: string;
                                        /** @description Bytes */
                                        size: number;
                                        /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                        url: string;
                                        thumbnailUrl: string | null;
                                        width: number | null;
                                        height: number | null;
                                        /**
                                         * Format: date-time
                                         * @description ISO 8601, UTC
                                         */
                                        createdAt: string;
                                    } | null;
                                    ownerId: string | null;
                                    memberCount: number;
                                    /** @description owner (one per group), admin (manages the group and its members), member */
                                    myRole: "owner" | "admin" | "member";
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601, UTC
                                     */
                                    createdAt: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601, UTC
                                     */
                                    updatedAt: string;
                                } | null;
                                lastMessage: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    conversationId: string;
                                    groupId: string | null;
                                    senderId: string | null;
                                    recipientId: string | null;
                                    /** @description Position in its conversation: increases by one per message */
                                    seq: number;
                                    type: "text" | "system";
                                    text: string | null;
                                    attachments: {
                                        /**
                                         * Format: uuid
                                         * @description An opaque id
                                         * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                         */
                                        id: string;
                                        name: string;
                                        /** @example image/png */
                                        mimeType: string;
                                        /** @description Bytes */
                                        size: number;
                                        /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                        url: string;
                                        thumbnailUrl: string | null;
                                        width: number | null;
                                        height: number | null;
                                        /**
                                         * Format: date-time
                                         * @description ISO 8601, UTC
                                         */
                                        createdAt: string;
                                    }[];
                                    replyTo: {
                                        /**
                                         * Format: uuid
                                         * @description An opaque id
                                         * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                         */
                                        id: string;
                                        senderId: string | null;
                                        text: string | null;
                                    } | null;
                                    /** @description Mentioned user ids (members only) */
                                    mentions: string[];
                                    system: ({
                                        kind: string;
                                    } & {
                                        [key: string]: unknown;
                                    }) | null;
                                    clientMessageId: string | null;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601, UTC
                                     */
                                    createdAt: string;
                                    editedAt: string | null;
                                    deletedAt: string | null;
                                    status: ("sent" | "delivered" | "read") | null;
                                } | null;
                                /** @description Others' non-deleted messages above your read watermark */
                                unreadCount: number;
                                /** @description A muted conversation makes no `message` notifications (mentions still do) */
                                muted: boolean;
                                /**
                                 * Format: date-time
                                 * @description Last activity
                                 */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversations/{conversationId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * History of any conversation of yours
         * @description Like the other history endpoints, plus `around=<messageId>`: the message with up to half a page on each side.
         */
        get: {
            parameters: {
                query?: {
                    /**
                     * @description An opaque id
                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                     */
                    before?: string;
                    /**
                     * @description An opaque id
                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                     */
                    after?: string;
                    /**
                     * @description An opaque id
                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                     */
                    around?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    /**
                     * @description An opaque id
                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                     */
                    conversationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Oldest first */
                            messages: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                conversationId: string;
                                groupId: string | null;
                                senderId: string | null;
                                recipientId: string | null;
                                /** @description Position in its conversation: increases by one per message */
                                seq: number;
                                type: "text" | "system";
                                text: string | null;
                                attachments: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    name: string;
                                    /** @example image/png */
                                    mimeType: string;
                                    /** @description Bytes */
                                    size: number;
                                    /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                    url: string;
                                    thumbnailUrl: string | null;
                                    width: number | null;
                                    height: number | null;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601, UTC
                                     */
                                    createdAt: string;
                                }[];
                                replyTo: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    senderId: string | null;
                                    text: string | null;
                                } | null;
                                /** @description Mentioned user ids (members only) */
                                mentions: string[];
                                system: ({
                                    kind: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                clientMessageId: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                                editedAt: string | null;
                                deletedAt: string | null;
                                status: ("sent" | "delivered" | "read") | null;
                            }[];
                            /** @description More messages exist beyond this page in the direction asked (older without a cursor) */
                            hasMore: boolean;
                            /** @description With `around`: older messages exist */
                            hasMoreBefore?: boolean;
                            /** @description With `around`: newer messages exist */
                            hasMoreAfter?: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversations/{conversationId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark the whole conversation read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description An opaque id
                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                     */
                    conversationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversations/{conversationId}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Mute or unmute a conversation */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description An opaque id
                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                     */
                    conversationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Mute `message` notifications of this conversation */
                        muted: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description An opaque id
                             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                             */
                            id: string;
                            type: "direct" | "group";
                            peer: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                username: string;
                                displayName: string | null;
                                bio: string | null;
                                avatar: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    name: string;
                                    /** @example image/png */
                                    mimeType: string;
                                    /** @description Bytes */
                                    size: number;
                                    /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                    url: string;
                                    thumbnailUrl: string | null;
                                    width: number | null;
                                    height: number | null;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601, UTC
                                     */
                                    createdAt: string;
                                } | null;
                                /** @description Only when the viewer is a friend */
                                online?: boolean;
                                lastSeenAt?: string | null;
                            } | null;
                            group: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                conversationId: string;
                                name: string;
                                description: string;
                                avatar: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    name: string;
                                    /** @example image/png */
                                    mimeType: string;
                                    /** @description Bytes */
                                    size: number;
                                    /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                    url: string;
                                    thumbnailUrl: string | null;
                                    width: number | null;
                                    height: number | null;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601, UTC
                                     */
                                    createdAt: string;
                                } | null;
                                ownerId: string | null;
                                memberCount: number;
                                /** @description owner (one per group), admin (manages the group and its members), member */
                                myRole: "owner" | "admin" | "member";
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                updatedAt: string;
                            } | null;
                            lastMessage: {
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                id: string;
                                /**
                                 * Format: uuid
                                 * @description An opaque id
                                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                 */
                                conversationId: string;
                                groupId: string | null;
                                senderId: string | null;
                                recipientId: string | null;
                                /** @description Position in its conversation: increases by one per message */
                                seq: number;
                                type: "text" | "system";
                                text: string | null;
                                attachments: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    name: string;
                                    /** @example image/png */
                                    mimeType: string;
                                    /** @description Bytes */
                                    size: number;
                                    /** @description Absolute, signed URL valid for one hour; also accepts a Bearer token */
                                    url: string;
                                    thumbnailUrl: string | null;
                                    width: number | null;
                                    height: number | null;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601, UTC
                                     */
                                    createdAt: string;
                                }[];
                                replyTo: {
                                    /**
                                     * Format: uuid
                                     * @description An opaque id
                                     * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                                     */
                                    id: string;
                                    senderId: string | null;
                                    text: string | null;
                                } | null;
                                /** @description Mentioned user ids (members only) */
                                mentions: string[];
                                system: ({
                                    kind: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                clientMessageId: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                createdAt: string;
                                editedAt: string | null;
                                deletedAt: string | null;
                                status: ("sent" | "delivered" | "read") | null;
                            } | null;
                            /** @description Others' non-deleted messages above your read watermark */
                            unreadCount: number;
                            /** @description A muted conversation makes no `message` notifications (mentions still do) */
                            muted: boolean;
                            /**
                             * Format: date-time
                             * @description Last activity
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable code, e.g. `validation_failed` */
                            code: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
