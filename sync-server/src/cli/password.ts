import { passwordProblem } from '../auth/passwords';

/** Name of the environment variable that carries a password for the CLI. */
export const passwordEnvVar = 'CX_PASSWORD';

/**
 * A password from `CX_PASSWORD` (or another variable) or, on a terminal, a prompt that does not
 * echo. Never from a flag: flags end up in shell history and in `ps` output for every user of the
 * machine.
 */
export async function readPassword(prompt: string, env: NodeJS.ProcessEnv, check = true, envVar = passwordEnvVar): Promise<string> {
  const fromEnv = env[envVar];
  const password = fromEnv ?? (await promptHidden(prompt, envVar));
  const problem = check ? passwordProblem(password) : undefined;
  if (problem) throw new Error(problem);
  return password;
}

async function promptHidden(prompt: string, envVar: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) throw new Error(`No password: set ${envVar} or run on a terminal to be asked.`);
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish(() => resolve(value));
        if (ch === '\u0003') return finish(() => reject(new Error('Cancelled.')));
        if (ch === '\u007f') value = value.slice(0, -1);
        else value += ch;
      }
    };
    const finish = (then: () => void): void => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      then();
    };
    input.on('data', onData);
  });
}
