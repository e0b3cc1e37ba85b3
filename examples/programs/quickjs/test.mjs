// Arabica example: QuickJS smoke test (ES module). Needs a writable directory preopened
// as /data. Prints only deterministic text.
import * as std from "std";
import * as os from "os";

const say = (...a) => console.log(...a);

say("platform", os.platform, typeof std.getenv, scriptArgs.length);

// language
class Shape {
  #id;
  static count = 0;
  constructor(name) { this.name = name; this.#id = ++Shape.count; }
  get id() { return this.#id; }
  area() { return 0; }
  toString() { return `${this.name}#${this.id}(${this.area().toFixed(2)})`; }
}
class Circle extends Shape { constructor(r) { super("circle"); this.r = r; } area() { return Math.PI * this.r ** 2; } }
class Rect extends Shape { constructor(w, h) { super("rect"); Object.assign(this, { w, h }); } area() { return this.w * this.h; } }
const shapes = [new Circle(1), new Rect(2, 3), new Circle(0.5)];
say("classes", shapes.map(String).join(" "), Shape.count, shapes[1] instanceof Shape);
const { a, b: [x, , z = 9], ...rest } = { a: 1, b: [2, 3], c: 4, d: 5 };
say("destructuring", a, x, z, JSON.stringify(rest));
const counter = (() => { let n = 0; return { inc: () => ++n, get value() { return n; } }; })();
counter.inc(); counter.inc();
say("closure", counter.value, [1, 2, 3, 4].reduce((s, v) => s + v, 0), [..."héllo"].reverse().join(""));
function* fib() { let [p, q] = [0n, 1n]; for (;;) { yield p; [p, q] = [q, p + q]; } }
const fibs = []; for (const f of fib()) { if (fibs.length >= 90) break; fibs.push(f); }
say("generators/bigint", fibs[89], 2n ** 100n, (-7n) / 2n, BigInt.asUintN(8, 257n));
say("labels", (() => { let c = 0; outer: for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) { if (j > i) continue outer; if (i === 4) break outer; c++; } return c; })());

// built-ins
const m = new Map([["x", 1], ["y", 2]]); m.set("z", 3);
const st = new Set([3, 1, 3, 2, 1]);
say("collections", [...m.keys()].join(""), [...m.values()].reduce((p, q) => p + q), [...st].join(","), st.has(2));
const wm = new WeakMap(); const key = {}; wm.set(key, "v");
say("weakmap", wm.get(key), wm.has({}));
say("regexp", "2024-01-31 and 1999-12-01".replace(/(\d{4})-(\d\d)-(\d\d)/g, "$3/$2/$1"),
    /(?<word>\w+)@(?<host>[\w.]+)/.exec("mail: someone@example.org").groups.host,
    [..."a1b22c333".matchAll(/\d+/g)].map(r => r[0]).join("|"), /\p{Lu}/u.test("é"), "ÀB".normalize("NFD").length);
const obj = JSON.parse('{"n":1.5,"s":"\\u00e9","arr":[true,null,{"k":[]}]}');
say("json", JSON.stringify(obj), JSON.stringify({ b: 2, a: [1, { c: 3 }] }, null, 1).split("\n").length);
const ta = new Float64Array([1.5, 2.5, 3.5]); const u8 = new Uint8Array(ta.buffer);
const dv = new DataView(new ArrayBuffer(8)); dv.setInt32(0, -2, true); dv.setFloat32(4, 1.5);
say("typed arrays", ta.map(v => v * 2).join(","), u8.length, dv.getUint32(0, true), dv.getUint8(4), new Int16Array([70000])[0]);
const sorted = Array.from({ length: 20 }, (_, i) => (i * 7919) % 23).sort((p, q) => p - q);
say("arrays", sorted.join(","), sorted.findLast(v => v < 10), sorted.at(-1), [1, [2, [3, [4]]]].flat(Infinity).join(""));
say("strings", "abc".padStart(6, "*"), "  trim ".trim(), "x".repeat(3), "a-b-c".split("-").join("+"), "ß".toUpperCase(), "İ".toLowerCase().length);
say("numbers", 0.1 + 0.2, (1234.5678).toFixed(2), (255).toString(16), Number.parseFloat("3.25e2"), Math.max(), 2 ** 53 + 1, (1e21).toString(), (123.456).toPrecision(4));
say("intl-free date", new Date(Date.UTC(2020, 1, 29, 12, 30)).toISOString(), new Date(0).getUTCDay());
const p = new Proxy({}, { get: (t, k) => typeof k === "string" ? k.toUpperCase() : undefined });
const sym = Symbol("tag");
say("proxy/symbol", p.hello, sym.toString(), Object.getOwnPropertySymbols({ [sym]: 1 }).length, Reflect.ownKeys({ b: 1, a: 2, 1: 3 }).join(""));
try { null.f(); } catch (e) { say("error", e instanceof TypeError, e.constructor.name); }
try { throw new RangeError("custom"); } catch (e) { say("throw", e.name, e.message); } finally { say("finally"); }

// files inside the preopened directory (std FILE API and os)
const dir = "/data/qjs-test";
os.mkdir(dir);
let f = std.open(`${dir}/a.txt`, "w");
for (let i = 1; i <= 100; i++) f.puts(`line ${i} ${i * i}\n`);
f.close();
const text = std.loadFile(`${dir}/a.txt`);
say("file", text.length, text.split("\n").length - 1, text.split("\n")[99]);
f = std.open(`${dir}/a.txt`, "a+"); f.puts("tail\n"); f.seek(0, std.SEEK_SET);
say("reopen", f.getline(), f.getline());
f.seek(0, std.SEEK_END); say("size", f.tell()); f.close();
const [info, serr] = os.stat(`${dir}/a.txt`);
say("stat", serr, info.size, (info.mode & os.S_IFMT) === os.S_IFREG);
say("rename", os.rename(`${dir}/a.txt`, `${dir}/b.txt`));
const fd = os.open(`${dir}/raw.bin`, os.O_WRONLY | os.O_CREAT | os.O_TRUNC);
const bytes = new Uint8Array(256).map((_, i) => i);
say("os.write", os.write(fd, bytes.buffer, 0, 256)); os.close(fd);
const [names] = os.readdir(dir);
say("readdir", names.filter(n => n[0] !== ".").sort().join(","));
say("remove", os.remove(`${dir}/b.txt`), os.remove(`${dir}/raw.bin`), os.remove(dir), os.stat(dir)[1] !== 0);
say("missing", std.open("/data/none/x", "r") === null);

// jobs, promises, timers
const order = [];
Promise.resolve().then(() => order.push("micro"));
(async () => {
  const v = await new Promise(res => os.setTimeout(() => res(42), 1));
  order.push(`await ${v}`);
  os.setTimeout(() => { order.push("timeout"); say("async order", order.join(" ")); say("done"); }, 0);
})();
order.push("sync");
const t0 = Date.now();
say("time", t0 > 1600000000000, typeof os.now(), new Date(t0).getFullYear() >= 2024);
