export type BenchOptions = {
  /** A short smoke run: fewer repetitions, shorter loads. Not for figures worth quoting. */
  quick: boolean;
  /** A PostgreSQL server to create throwaway databases on; PostgreSQL cases are skipped without it. */
  postgresUrl: string | undefined;
};

/** `--quick` or BENCH_QUICK=1; BENCH_DATABASE_URL (or TEST_DATABASE_URL) for the PostgreSQL cases. */
export function readOptions(
  argv: readonly string[] = process.argv.slice(2),
  env = process.env,
): BenchOptions {
  const quickFlag = env.BENCH_QUICK !== undefined && !['', '0', 'false', 'no'].includes(env.BENCH_QUICK);
  return {
    quick: quickFlag || argv.includes('--quick'),
    postgresUrl: env.BENCH_DATABASE_URL || env.TEST_DATABASE_URL || undefined,
  };
}
