import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
async function main() {
let c = process.cpuUsage(); let t = Date.now();
const lap = (what: string) => { const d = process.cpuUsage(c); console.log(what, "wall", Date.now() - t, "cpu", Math.round((d.user + d.system) / 1000)); c = process.cpuUsage(); t = Date.now(); };
const p = await PGlite.create();
await p.exec("create table a(x int); insert into a values (1)");
lap("create");
const blob = await p.dumpDataDir("none");
lap("dump");
console.log("size", blob.size);
fs.writeFileSync("/tmp/m17c/tpl.tar", Buffer.from(await blob.arrayBuffer()));
await p.close();
lap("write+close");
const q = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync("/tmp/m17c/tpl.tar")]) });
console.log(await q.query("select * from a"));
lap("load");
const g = await p.dumpDataDir ? 0 : 0;
}
main();
