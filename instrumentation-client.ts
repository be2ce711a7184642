// Runs in the browser before the app becomes interactive (Next.js file convention).
// zod 4 probes whether `new Function` is allowed the first time it parses an
// object, to compile faster parsers; our CSP forbids eval (script-src has no
// 'unsafe-eval'), so the probe only produced a CSP violation report on every
// page whose forms validate in the browser. jitless: never probe, never eval.
import { config } from "zod";

config({ jitless: true });
