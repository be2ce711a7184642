// The worker thread that reads one uploaded list (started by read-file.ts
// with a heap cap and a time budget): the reading never runs on the thread
// that answers the other users' requests. Issue 14, decision 042.
import { parentPort, workerData } from "node:worker_threads";
import { readSpreadsheet } from "./sheet-reader.mjs";

const { bytes, fileName, limits } = workerData;
readSpreadsheet(bytes, fileName, limits).then(
  (result) => parentPort.postMessage(result),
  (error) => parentPort.postMessage({ ok: false, crashed: String(error?.stack ?? error) }),
);
