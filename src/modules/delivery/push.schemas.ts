import { Type, type Static } from '@fastify/type-provider-typebox';
import { DateTimeSchema, IdSchema, Nullable, Text } from '../../lib/schemas.js';

const Base64Url = (description: string, maxLength: number) =>
  Text({ minLength: 1, maxLength, pattern: '^[A-Za-z0-9_-]+=*$', description });

export const WebPushSubscribeSchema = Type.Object(
  {
    type: Type.Literal('webpush'),
    endpoint: Text({ minLength: 1, maxLength: 2048, description: 'The push service URL (`https`, a public address)' }),
    expirationTime: Type.Optional(Nullable(Type.Number({ description: 'Ignored (browsers send it)' }))),
    keys: Type.Object(
      {
        p256dh: Base64Url('The subscription’s P-256 public key (base64url)', 128),
        auth: Base64Url('The subscription’s authentication secret (base64url)', 64),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, title: 'WebPushSubscribe', description: 'A browser’s `PushSubscription.toJSON()` with `type`' },
);

export const GatewaySubscribeSchema = Type.Object(
  {
    type: Type.Literal('gateway'),
    gatewayUrl: Text({ minLength: 1, maxLength: 2048, description: 'One of the operator’s PUSH_GATEWAYS' }),
    appId: Text({ minLength: 1, maxLength: 256, description: 'The app id the gateway knows (e.g. Sygnal’s app key)' }),
    pushkey: Text({ minLength: 1, maxLength: 4096, description: 'The device token (FCM registration token, APNs device token)' }),
  },
  { additionalProperties: false, title: 'GatewaySubscribe', description: 'A mobile device through a Matrix push gateway' },
);

export const SubscribeSchema = Type.Union([WebPushSubscribeSchema, GatewaySubscribeSchema], { title: 'PushSubscribe' });
export type Subscribe = Static<typeof SubscribeSchema>;

export const PushSubscriptionSchema = Type.Object(
  {
    id: IdSchema,
    type: Type.Union([Type.Literal('webpush'), Type.Literal('gateway')]),
    createdAt: DateTimeSchema,
    lastSuccessAt: Nullable(DateTimeSchema),
  },
  { title: 'PushSubscription' },
);
export type PushSubscriptionDto = Static<typeof PushSubscriptionSchema>;

export const PushSubscriptionListSchema = Type.Object(
  { subscriptions: Type.Array(PushSubscriptionSchema) },
  { title: 'PushSubscriptionList' },
);

export const VapidKeySchema = Type.Object(
  { publicKey: Type.String({ description: 'base64url; the `applicationServerKey` for `PushManager.subscribe`' }) },
  { title: 'VapidKey' },
);

export const SubscriptionParamsSchema = Type.Object({ id: IdSchema }, { additionalProperties: false });
