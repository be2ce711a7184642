// Cleanups to run before a CLI process exits on a signal (SIGINT/SIGTERM):
// resources register an async cleanup here, and the CLI's signal handler
// awaits them all (bounded) before exiting. Library users who handle signals
// themselves can call runShutdownCleanups() too.

type Cleanup = () => Promise<void> | void;

const cleanups = new Set<Cleanup>();

/** Register a cleanup; returns a function that unregisters it. */
export function onShutdown(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
  };
}

/** Run every registered cleanup (latest first, concurrently), waiting at most `timeoutMs`. */
export async function runShutdownCleanups(timeoutMs = 20_000): Promise<void> {
  const pending = [...cleanups].reverse();
  cleanups.clear();
  const all = Promise.allSettled(pending.map((cleanup) => Promise.resolve().then(cleanup)));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
    timer.unref();
  });
  await Promise.race([all, timeout]);
  clearTimeout(timer);
}
