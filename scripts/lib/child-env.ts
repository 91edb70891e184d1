/**
 * The environment for a child process: ours plus overrides (an `undefined` override removes
 * a variable, since Node skips undefined values).
 *
 * Documented exception to "only lib/env.ts reads process.env" (see eslint.config.js): the
 * scripts and the test harness start Next, the build and other tools, which need PATH, HOME
 * and friends passed through verbatim, not the parsed, typed subset that lib/env.ts knows.
 * Nothing here interprets a value; configuration is still read through getEnv().
 */
export function childEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return {
    // eslint-disable-next-line no-restricted-properties -- pass-through for child processes, see above
    ...process.env,
    // Next would otherwise try to send telemetry, which these machines cannot reach.
    NEXT_TELEMETRY_DISABLED: '1',
    ...overrides,
  };
}
