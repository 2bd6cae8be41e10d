import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { problems } from '../../lib/schemas.js';
import {
  PushSubscriptionListSchema,
  PushSubscriptionSchema,
  SubscribeSchema,
  SubscriptionParamsSchema,
  VapidKeySchema,
} from './push.schemas.js';
import type { PushService } from './push.service.js';

const common = { tags: ['push'], security: [{ bearerAuth: [] }] };

const vapidKey = {
  ...common,
  summary: 'The server’s VAPID public key, for `PushManager.subscribe({ applicationServerKey })`',
  response: { 200: VapidKeySchema, ...problems(401, 404) },
};
const subscribe = {
  ...common,
  summary: 'Subscribe a browser (Web Push) or a mobile device (through a push gateway)',
  description:
    'The same endpoint or pushkey again answers 200 and updates it; at most 10 per user (409). An endpoint that is not `https` on a public address, or a gateway not in PUSH_GATEWAYS, is refused (400).',
  body: SubscribeSchema,
  response: { 200: PushSubscriptionSchema, 201: PushSubscriptionSchema, ...problems(400, 401, 404, 409) },
};
const list = {
  ...common,
  summary: 'Your push subscriptions',
  response: { 200: PushSubscriptionListSchema, ...problems(401, 404) },
};
const unsubscribe = {
  ...common,
  summary: 'Delete one of your push subscriptions',
  params: SubscriptionParamsSchema,
  response: { 204: Type.Null({ description: 'Deleted' }), ...problems(400, 401, 404) },
};
const test = {
  ...common,
  summary: 'Send a test notification to each of your subscriptions',
  response: { 202: Type.Null({ description: 'Queued' }), ...problems(401, 404) },
};

/** `/push`: subscriptions for push notifications. */
export async function pushRoutes(fastify: FastifyInstance, opts: { push: PushService }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { push } = opts;
  app.addHook('preHandler', app.requireAuth);

  app.get('/push/vapid-key', { schema: vapidKey }, async () => push.vapidKey());
  app.post('/push/subscriptions', { schema: subscribe }, async (req, reply) => {
    const { created, subscription } = await push.subscribe(req.user.userId, req.body);
    return reply.status(created ? 201 : 200).send(subscription);
  });
  app.get('/push/subscriptions', { schema: list }, async (req) => push.listSubscriptions(req.user.userId));
  app.delete('/push/subscriptions/:id', { schema: unsubscribe }, async (req, reply) => {
    await push.unsubscribe(req.user.userId, req.params.id);
    return reply.status(204).send(null);
  });
  app.post('/push/test', { schema: test }, async (req, reply) => {
    await push.sendTest(req.user.userId);
    return reply.status(202).send(null);
  });
}
