import type { FastifyInstance } from 'fastify';
import type { Infra } from './infra.js';

/**
 * Wires the feature modules: builds each service from the infrastructure and the services it
 * needs, then registers its routes. The only place that knows how modules depend on each other.
 */
export async function registerModules(app: FastifyInstance, infra: Infra): Promise<void> {
  void app;
  void infra;
}
