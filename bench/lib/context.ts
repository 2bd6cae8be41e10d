import type pg from 'pg';
import type { BenchServer } from './server.js';

export interface ScenarioContext {
  server: BenchServer;
  db: pg.Client;
  jwtSecret: string;
  hashCost: number;
  /** Seconds each measured phase runs (BENCH_SECONDS); short in smoke runs. */
  seconds: number;
  /** Scale factor for user counts (BENCH_SCALE, 1 = the targets of the issue). */
  scale: number;
  log(message: string): void;
}

export interface ScenarioResult {
  /** One line for the results table. */
  row: Record<string, string | number>;
  /** Everything measured, written to bench/results. */
  details: Record<string, unknown>;
}

export interface Scenario {
  name: string;
  /** Extra environment for the server of this scenario. */
  serverEnv?: Record<string, string>;
  run(ctx: ScenarioContext): Promise<ScenarioResult>;
}
