import { spawnSync } from 'node:child_process';

/**
 * Runs shell text in a bash that executes no program: a user, mount, network
 * and pid namespace of its own (`unshare`), the root file system read-only,
 * an empty tmpfs on /tmp as the working directory and HOME, and no PATH. Every
 * command that is not a shell builtin (and `kill`, turned into one that is
 * not) reaches `command_not_found_handle`, which records its arguments as
 * expanded and, for each watched name, whether it is set and exported, then
 * reads its input to the end and returns 0 with no output (after 100 such
 * commands, it stops every process: a loop waiting for a state). What a step
 * *would execute* is that record, with the shell's own output and exit status.
 */
export interface SandboxRun {
  /** One line per command the shell would have run: its words, `%q`-quoted, then `| declare -x NAME='value'` (or `NAME unset`) for each watched name; in no set order (a pipeline's commands run at once). */
  calls: string[];
  stdout: string;
  stderr: string;
  status: number | null;
}

/** The sandbox's start: $1 the watched names, $2 the script, then NAME=VALUE for its environment. */
const harness = String.raw`
set -e
mount -t tmpfs tmpfs /tmp
mount -o remount,ro,bind /
mkdir /tmp/work
cat > /tmp/.sandboxrc <<'RC'
enable -n kill
# A process substitution outlives the command that reads it: wait for it, so its record is there.
trap wait EXIT
command_not_found_handle() {
  local line n
  printf -v line "%q " "$@"
  for n in $SANDBOX_WATCH; do if [[ -v $n ]]; then line+="| ${"$"}{!n@A}"; else line+="| $n unset"; fi; done
  printf "%s\n" "$line" > "/tmp/.calls/$BASHPID"
  # Read the input to its end, as a program in a pipeline would: the one writing to it is not cut short.
  while IFS= read -r line; do :; done
  # A loop waiting for a state the stubs never report: stop everything after 100 commands.
  local calls=(/tmp/.calls/*)
  if (( ${"$"}{#calls[@]} >= 100 )); then enable kill; kill -9 -1; fi
  return 0
}
RC
printf 'SANDBOX_WATCH=%q\n' "$1" >> /tmp/.sandboxrc
mkdir /tmp/.calls
cd /tmp/work
set +e
env -i HOME=/tmp/work PATH=/nonexistent LC_ALL=C.UTF-8 BASH_ENV=/tmp/.sandboxrc "${'$'}{@:3}" /bin/bash --norc --noprofile -c "$2"
status=$?
printf '\n@@calls@@\n'
cat /tmp/.calls/* 2>/dev/null
exit $status
`;

/** Whether this machine can make the sandbox (user namespaces allowed). */
export function sandboxAvailable(): boolean {
  return spawnSync('unshare', ['-rmnpf', '--', 'true']).status === 0;
}

/**
 * Runs `script` with `env` (NAME=VALUE) in its environment and `stdin` as its
 * input; `watch` names the variables recorded at each command.
 */
export function runSandboxed({ script, env = {}, stdin = '', watch = [] }: { script: string; env?: Record<string, string>; stdin?: string; watch?: readonly string[] }): SandboxRun {
  const assignments = Object.entries(env).map(([k, v]) => `${k}=${v}`);
  // The record is printed by the outer shell, inside the namespace, after the script ends.
  const result = spawnSync('unshare', ['-rmnpf', '--', '/bin/bash', '--norc', '--noprofile', '-c', harness, 'sandbox', watch.join(' '), script, ...assignments], {
    input: stdin,
    encoding: 'utf8',
    timeout: 10_000,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
  });
  const marker = result.stdout.lastIndexOf('\n@@calls@@\n');
  if (marker === -1) throw new Error(`sandboxed bash failed to start: ${result.stderr}${result.error ? String(result.error) : ''}`);
  return {
    stdout: result.stdout.slice(0, marker),
    calls: result.stdout.slice(marker + '\n@@calls@@\n'.length).split('\n').filter(Boolean),
    stderr: result.stderr,
    status: result.status,
  };
}
