// Generated from docs/asyncapi.yaml by `npm run client:types`. Do not edit by hand.
/* eslint-disable */
export type paths = Record<string, never>;
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        /** AckFrame */
        AckFrame: {
            /** @constant */
            type: "ack";
            seq: number;
        };
        /** AuthFrame */
        AuthFrame: {
            /** @constant */
            type: "auth";
            token: string;
        };
        /** BlockCreatedEvent */
        BlockCreatedEvent: {
            /** @description Per user, gapless, the same on every connection and node */
            seq: number;
            /** @constant */
            type: "block.created";
            data: components["schemas"]["UserRef"];
        };
        /** BlockRemovedEvent */
        BlockRemovedEvent: {
            /** @description Per user, gapless, the same on every connection and node */
            seq: number;
            /** @constant */
            type: "block.removed";
            data: components["schemas"]["UserRef"];
        };
        /**
         * ConversationRead
         * @description You read the conversation up to `upToSeq` (on any device)
         */
        ConversationRead: {
            /**
             * Format: uuid
             * @description An opaque id
             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
             */
            conversationId: string;
            upToSeq: number;
        };
        /** ConversationReadEvent */
        ConversationReadEvent: {
            /** @description Per user, gapless, the same on every connection and node */
            seq: number;
            /** @constant */
            type: "conversation.read";
            data: components["schemas"]["ConversationRead"];
        };
        /**
         * ConversationUpdated
         * @description Your settings of the conversation changed (on any device)
         */
        ConversationUpdated: {
            /**
             * Format: uuid
             * @description An opaque id
             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
             */
            conversationId: string;
            muted: boolean;
        };
        /** ConversationUpdatedEvent */
        ConversationUpdatedEvent: {
            /** @description Per user, gapless, the same on every connection and node */
            seq: number;
            /** @constant */
            type: "conversation.updated";
            data: components["schemas"]["ConversationUpdated"];
        };
        /**
         * ErrorFrame
         * @description Answers a bad client frame; the socket stays open
         */
        ErrorFrame: {
            /** @constant */
            type: "error";
            data: {
                /**
                 * @example invalid_json
                 * @example unknown_frame
                 * @example validation_failed
                 * @example payload_too_large
                 * @example forbidden
                 * @example not_found
                 */
                code: string;
                detail: string;
            };
        };
        /** File */
        File: {
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
        /** FriendRemovedEvent */
        FriendRemovedEvent: {
            /** @description Per user, gapless, the same on every connection and node */
            seq: number;
            /** @constant */
            type: "friend.removed";
            data: components["schemas"]["UserRef"];
        };
        /** FriendRequest */
        FriendRequest: {
            /**
             * Format: uuid
             * @description An opaque id
             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
             */
            id: string;
            from: components["schemas"]["PublicUser"];
            to: components["schemas"]["PublicUser"];
            status: "pending" | "accepted" | "declined" | "cancelled";
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            createdAt: string;
        };
        /** FriendRequestAcceptedEvent */
        FriendRequestAcceptedEvent: {
            /** @description Per user, gapless, the same on every connection and node */
            seq: number;
            /** @constant */
            type: "friend.request_accepted";
            data: components["schemas"]["FriendRequest"];
        };
        /** FriendRequestCancelledEvent */
        FriendRequestCancelledEvent: {
            /** @description Per user, gapless, the same on every connection and node */
            seq: number;
            /** @constant */
            type: "friend.request_cancelled";
            data: components["schemas"]["FriendRequest"];
        };
        /** FriendRequestDeclinedEvent */
        FriendRequestDeclinedEvent: {
            /** @description Per user, gapless, the same on every connection and node */
            seq: number;
            /** @constant */
            type: "friend.request_declined";
            data: components["schemas"]["FriendRequest"];
        };
        /** FriendRequestReceivedEvent */
        FriendRequestReceivedEvent: {
            /** @description Per user, gapless, the same on every connection and node */
            seq: number;
            /** @constant */
            type: "friend.request_received";
            data: components["schemas"]["FriendRequest"];
        };
        /** FriendRequestSentEvent */
        FriendRequestSentEvent: {
            /** @description Per user, gapless, the same on every connection and node */
            seq: number;
            /** @constant */
            type: "friend.request_sent";
            data: components["schemas"]["FriendRequest"];
        };
        /** Group */
        Group: {
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
            avatar: components["schemas"]["File"] | null;
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
        /** GroupCreatedEvent */
        GroupCreatedEvent: {
            /** @description Per user, gapless, the same on every connection and node */
            seq: number;
            /** @constant */
            type: "group.created";
            data: components["schemas"]["GroupEvent"];
        };
        /**
         * GroupEvent
         * @description `group.myRole` is the recipient’s own role (a removed member gets the one they held)
         */
        GroupEvent: {
            group: components["schemas"]["Group"];
            /**
             * Format: uuid
             * @description The member added or removed
             */
            userId?: string;
            /** @description owner (one per group), admin (manages the group and its members), member */
            role?: "owner" | "admin" | "member";
        };
        /** GroupMemberAddedEvent */
        GroupMemberAddedEvent: {
            /** @description Per user, gapless, the same on every connection and node */
            seq: number;
            /** @constant */
            type: "group.member_added";
            data: components["schemas"]["GroupEvent"];
        };
        /** GroupMemberRemovedEvent */
        GroupMemberRemovedEvent: {
            /** @description Per user, gapless, the same on every connection and node */
            seq: number;
            /** @constant */
            type: "group.member_removed";
            data: components["schemas"]["GroupEvent"];
        };
        /** GroupUpdatedEvent */
        GroupUpdatedEvent: {
            /** @description Per user, gapless, the same on every connection and node */
            seq: number;
            /** @constant */
            type: "group.updated";
            data: components["schemas"]["GroupEvent"];
        };
        /** Message */
        Message: {
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
            attachments: components["schemas"]["File"][];
            replyTo: components["schemas"]["ReplyPreview"] | null;
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
            /** @description Counted per emoji, in order of first use; empty once deleted */
            reactions: components["schemas"]["Reaction"][];
            pinnedAt: string | null;
            pinnedBy: string | null;
        };
        /** MessageCreatedEvent */
        MessageCreatedEvent: {
            /** @description Per user, gapless, the same on every connection and node */
            seq: number;
            /** @constant */
            type: "message.created";
            data: components["schemas"]["Message"];
        };
        /** MessageDeletedEvent */
        MessageDeletedEvent: {
            /** @description Per user, gapless, the same on every connection and node */
            seq: number;
            /** @constant */
            type: "message.deleted";
            data: components["schemas"]["Message"];
        };
        /** MessageDeliveredEvent */
        MessageDeliveredEvent: {
            /** @description Per user, gapless, the same on every connection and node */
            seq: number;
            /** @constant */
            type: "message.delivered";
            data: components["schemas"]["Watermark"];
        };
        /** MessageReactionEvent */
        MessageReactionEvent: {
            /** @description Per user, gapless, the same on every connection and node */
            seq: number;
            /** @constant */
            type: "message.reaction";
            data: components["schemas"]["ReactionEvent"];
        };
        /** MessageReadEvent */
        MessageReadEvent: {
            /** @description Per user, gapless, the same on every connection and node */
            seq: number;
            /** @constant */
            type: "message.read";
            data: components["schemas"]["Watermark"];
        };
        /** MessageUpdatedEvent */
        MessageUpdatedEvent: {
            /** @description Per user, gapless, the same on every connection and node */
            seq: number;
            /** @constant */
            type: "message.updated";
            data: components["schemas"]["Message"];
        };
        /** Notification */
        Notification: {
            /**
             * Format: uuid
             * @description An opaque id
             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
             */
            id: string;
            /** @description What happened */
            type: "friend_request" | "friend_accepted" | "message" | "mention" | "group_added";
            actor: components["schemas"]["PublicUser"] | null;
            /** @description Type-specific: `requestId` (friend_request, friend_accepted); `conversationId`, `groupId`, `count` (unread messages), `lastMessage` (message: derived from the conversation, listed while it has unread messages; its id is the conversation's); `conversationId`, `messageId`, `groupId` (mention); `groupId` (group_added) */
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
        };
        /** NotificationCreatedEvent */
        NotificationCreatedEvent: {
            /** @description Per user, gapless, the same on every connection and node */
            seq: number;
            /** @constant */
            type: "notification.created";
            data: components["schemas"]["Notification"];
        };
        /**
         * NotificationRead
         * @description Notifications marked read on one of your devices
         */
        NotificationRead: {
            ids: string[];
        } | {
            /** @constant */
            all: true;
        };
        /** NotificationReadEvent */
        NotificationReadEvent: {
            /** @description Per user, gapless, the same on every connection and node */
            seq: number;
            /** @constant */
            type: "notification.read";
            data: components["schemas"]["NotificationRead"];
        };
        /** NotificationUpdatedEvent */
        NotificationUpdatedEvent: {
            /** @description Per user, gapless, the same on every connection and node */
            seq: number;
            /** @constant */
            type: "notification.updated";
            data: components["schemas"]["Notification"];
        };
        /** PingFrame */
        PingFrame: {
            /** @constant */
            type: "ping";
        };
        /**
         * PongFrame
         * @description Answers `ping`
         */
        PongFrame: {
            /** @constant */
            type: "pong";
        };
        /**
         * PresenceFrame
         * @description Ephemeral (never replayed): a friend came online or went offline (15 s after their last socket closed)
         */
        PresenceFrame: {
            /** @constant */
            type: "presence.updated";
            data: {
                /**
                 * Format: uuid
                 * @description An opaque id
                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                 */
                userId: string;
                online: boolean;
                lastSeenAt: string | null;
            };
        };
        /**
         * Profile
         * @description Your own `User` (to you) or a friend’s `PublicUser`
         */
        Profile: components["schemas"]["User"] | components["schemas"]["PublicUser"];
        /** ProfileUpdatedEvent */
        ProfileUpdatedEvent: {
            /** @description Per user, gapless, the same on every connection and node */
            seq: number;
            /** @constant */
            type: "profile.updated";
            data: components["schemas"]["Profile"];
        };
        /** PublicUser */
        PublicUser: {
            /**
             * Format: uuid
             * @description An opaque id
             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
             */
            id: string;
            username: string;
            displayName: string | null;
            bio: string | null;
            avatar: components["schemas"]["File"] | null;
            /** @description Only when the viewer is a friend */
            online?: boolean;
            lastSeenAt?: string | null;
        };
        /**
         * PushSubscriptionRemoved
         * @description The push service or gateway refused the subscription; subscribe again
         */
        PushSubscriptionRemoved: {
            /**
             * Format: uuid
             * @description An opaque id
             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
             */
            id: string;
        };
        /** PushSubscriptionRemovedEvent */
        PushSubscriptionRemovedEvent: {
            /** @description Per user, gapless, the same on every connection and node */
            seq: number;
            /** @constant */
            type: "push.subscription_removed";
            data: components["schemas"]["PushSubscriptionRemoved"];
        };
        /** Reaction */
        Reaction: {
            /** @description One emoji grapheme or a `:shortcode:` */
            emoji: string;
            count: number;
            /** @description Whether you reacted so (over REST; in events only on the copy addressed to you alone, else false) */
            me: boolean;
        };
        /**
         * ReactionEvent
         * @description message.reaction
         */
        ReactionEvent: {
            /**
             * Format: uuid
             * @description An opaque id
             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
             */
            conversationId: string;
            /**
             * Format: uuid
             * @description An opaque id
             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
             */
            messageId: string;
            emoji: string;
            /**
             * Format: uuid
             * @description Who reacted or took the reaction back
             */
            userId: string;
            action: "added" | "removed";
            /** @description How many now reacted with this emoji */
            count: number;
        };
        /**
         * ReadyFrame
         * @description Always the first frame after authentication
         */
        ReadyFrame: {
            /** @constant */
            type: "ready";
            data: {
                user: components["schemas"]["User"];
                /** @description The latest durable seq at connect time */
                seq: number;
                /**
                 * Format: uuid
                 * @description An opaque id
                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                 */
                sessionId: string;
            };
        };
        /** ReplyPreview */
        ReplyPreview: {
            /**
             * Format: uuid
             * @description An opaque id
             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
             */
            id: string;
            senderId: string | null;
            text: string | null;
        };
        /**
         * ResyncRequiredFrame
         * @description `since` is older than the retention window or above the latest seq: reload your state over REST
         */
        ResyncRequiredFrame: {
            /** @constant */
            type: "resync_required";
            data: {
                /** @description Live events follow this seq */
                seq: number;
            };
        };
        /** SessionRevokedEvent */
        SessionRevokedEvent: {
            /** @description Per user, gapless, the same on every connection and node */
            seq: number;
            /** @constant */
            type: "session.revoked";
            data: components["schemas"]["SessionsRevoked"];
        };
        /**
         * SessionsRevoked
         * @description The sockets of these sessions are then closed with 4001
         */
        SessionsRevoked: {
            sessionIds: string[];
        };
        /**
         * TypingFrame
         * @description Ephemeral: someone is typing; expires after 6 s unless repeated; not relayed in groups over 100 members
         */
        TypingFrame: {
            /** @constant */
            type: "typing";
            data: {
                /**
                 * Format: uuid
                 * @description An opaque id
                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                 */
                userId: string;
                /**
                 * Format: uuid
                 * @description An opaque id
                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                 */
                conversationId: string;
                groupId: string | null;
            };
        };
        /** TypingStartFrame */
        TypingStartFrame: {
            /** @constant */
            type: "typing";
            /** Format: uuid */
            recipientId: string;
        } | {
            /** @constant */
            type: "typing";
            /** Format: uuid */
            groupId: string;
        };
        /** User */
        User: {
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
            avatar: components["schemas"]["File"] | null;
            mfaEnabled: boolean;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            createdAt: string;
        };
        /**
         * UserRef
         * @description The other person (friend.removed) or the user blocked / unblocked (block.*)
         */
        UserRef: {
            /**
             * Format: uuid
             * @description An opaque id
             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
             */
            userId: string;
        };
        /**
         * Watermark
         * @description message.delivered / message.read
         */
        Watermark: {
            /**
             * Format: uuid
             * @description An opaque id
             * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
             */
            conversationId: string;
            /**
             * Format: uuid
             * @description Who received (delivered) or read
             */
            userId: string;
            /** @description A conversation seq: every message up to it is covered */
            upToSeq: number;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            at: string;
        };
        DurableEvents: {
            "message.created": components["schemas"]["Message"];
            "message.updated": components["schemas"]["Message"];
            "message.deleted": components["schemas"]["Message"];
            "message.delivered": components["schemas"]["Watermark"];
            "message.read": components["schemas"]["Watermark"];
            "message.reaction": components["schemas"]["ReactionEvent"];
            "friend.request_received": components["schemas"]["FriendRequest"];
            "friend.request_sent": components["schemas"]["FriendRequest"];
            "friend.request_accepted": components["schemas"]["FriendRequest"];
            "friend.request_declined": components["schemas"]["FriendRequest"];
            "friend.request_cancelled": components["schemas"]["FriendRequest"];
            "friend.removed": components["schemas"]["UserRef"];
            "block.created": components["schemas"]["UserRef"];
            "block.removed": components["schemas"]["UserRef"];
            "group.created": components["schemas"]["GroupEvent"];
            "group.updated": components["schemas"]["GroupEvent"];
            "group.member_added": components["schemas"]["GroupEvent"];
            "group.member_removed": components["schemas"]["GroupEvent"];
            "conversation.read": components["schemas"]["ConversationRead"];
            "conversation.updated": components["schemas"]["ConversationUpdated"];
            "notification.created": components["schemas"]["Notification"];
            "notification.updated": components["schemas"]["Notification"];
            "notification.read": components["schemas"]["NotificationRead"];
            "profile.updated": components["schemas"]["Profile"];
            "session.revoked": components["schemas"]["SessionsRevoked"];
            "push.subscription_removed": components["schemas"]["PushSubscriptionRemoved"];
        };
        ServerFrames: {
            ready: {
                user: components["schemas"]["User"];
                /** @description The latest durable seq at connect time */
                seq: number;
                /**
                 * Format: uuid
                 * @description An opaque id
                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                 */
                sessionId: string;
            };
            "presence.updated": {
                /**
                 * Format: uuid
                 * @description An opaque id
                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                 */
                userId: string;
                online: boolean;
                lastSeenAt: string | null;
            };
            typing: {
                /**
                 * Format: uuid
                 * @description An opaque id
                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                 */
                userId: string;
                /**
                 * Format: uuid
                 * @description An opaque id
                 * @example 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
                 */
                conversationId: string;
                groupId: string | null;
            };
            pong: null;
            resync_required: {
                /** @description Live events follow this seq */
                seq: number;
            };
            error: {
                /**
                 * @example invalid_json
                 * @example unknown_frame
                 * @example validation_failed
                 * @example payload_too_large
                 * @example forbidden
                 * @example not_found
                 */
                code: string;
                detail: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export type operations = Record<string, never>;

/** The `data` of each durable event type. */
export type DurableEvents = components['schemas']['DurableEvents'];
/** The `data` of each server frame that is not a durable event (`ready`, ephemeral frames, `error`…). */
export type ServerFrames = components['schemas']['ServerFrames'];
/** Every durable event type, in the order of the server’s catalog. */
export const durableEventTypes = ["message.created","message.updated","message.deleted","message.delivered","message.read","message.reaction","friend.request_received","friend.request_sent","friend.request_accepted","friend.request_declined","friend.request_cancelled","friend.removed","block.created","block.removed","group.created","group.updated","group.member_added","group.member_removed","conversation.read","conversation.updated","notification.created","notification.updated","notification.read","profile.updated","session.revoked","push.subscription_removed"] as const;
