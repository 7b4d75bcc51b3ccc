// checkDisclosure with the default policy beside (1) Cedar itself, cedar-wasm, deciding the same requests with the
// same policy written in Cedar (test/confidentiality/cedar/default-policy.cedar), and (2) the same policy hand-inlined
// as one if-chain (bench/disclosure-if-chain.ts) producing the same decision content.
// Goals: checkDisclosure at least 100× faster than cedar-wasm, both as the stateless call that parses the
// policies each time and as the fairer pre-parsed policy set; at most 3× slower than the if-chain.
// The requests are the golden table's (test/confidentiality/golden/domain.ts). Each side is timed alternately, with
// garbage collected before each timing, and the medians of the per-request times compared.
import { checkDisclosure } from "groupwork/confidentiality";
import { askCedar, cedarPolicySet, preparedCedar } from "../test/confidentiality/cedar/cedar-request";
import { decisionCells, goldenInputs, goldenRequest } from "../test/confidentiality/golden/domain";
import { collectGarbage, median } from "./_timing.js";
import { ifChainDecision } from "./disclosure-if-chain";

const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 7);
const inputs = goldenInputs();
const requests = inputs.map(goldenRequest);
// Cedar is slow enough that a sample of the table keeps a round short: every 28th request (1,839 of 51,480) for the
// prepared policy set, every 140th (368) for the stateless call that parses the policies each time.
const sampleOf = (step: number) => inputs.flatMap((input, index) => (index % step === 0 ? [{ input, index }] : []));
const cedarSample = sampleOf(28);
const statelessSample = sampleOf(140);
const policies = cedarPolicySet();
const askPrepared = preparedCedar("bench", policies);

// The three sides must agree before their times mean anything.
for (const [index, request] of requests.entries()) {
  const ours = checkDisclosure(request);
  if (JSON.stringify(ifChainDecision(request)) !== JSON.stringify(ours)) {
    throw new Error(`the if-chain disagrees with checkDisclosure on request ${index}`);
  }
}
for (const { input, index } of cedarSample) {
  const ours = decisionCells(checkDisclosure(requests[index] ?? goldenRequest(input)));
  const cedar = askPrepared(input);
  if (cedar.effect !== ours[0] || cedar.determiningRules.join(" ") !== (ours[2] === "-" ? "" : ours[2])) {
    throw new Error(`cedar-wasm disagrees with checkDisclosure on request ${index}`);
  }
}

// Microseconds per request for one pass over the requests, repeated until the pass takes at least 50 ms.
function microsPerRequest(count: number, decide: (index: number) => unknown): number {
  collectGarbage();
  let passes = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let index = 0; index < count; index++) decide(index);
    passes++;
    elapsed = performance.now() - start;
  } while (elapsed < 50);
  return (elapsed * 1000) / (passes * count);
}

const times = { ours: [] as number[], ifChain: [] as number[], prepared: [] as number[], stateless: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  times.ours.push(microsPerRequest(requests.length, (index) => checkDisclosure(requests[index] as never)));
  times.ifChain.push(microsPerRequest(requests.length, (index) => ifChainDecision(requests[index] as never)));
  times.prepared.push(microsPerRequest(cedarSample.length, (index) => askPrepared(cedarSample[index]?.input as never)));
  times.stateless.push(
    microsPerRequest(statelessSample.length, (index) => askCedar(statelessSample[index]?.input as never, policies)),
  );
}

const ours = median(times.ours);
const ifChain = median(times.ifChain);
const prepared = median(times.prepared);
const stateless = median(times.stateless);
const us = (value: number) => `${value.toFixed(2).padStart(9)} µs`;
const verdict = (ok: boolean) => (ok ? "OK" : "MISSES GOAL");
console.log(
  `${requests.length.toLocaleString("en")} golden requests, ${ROUNDS} alternating rounds, medians per request`,
);
console.log(`  checkDisclosure (default policy as data)           ${us(ours)}`);
console.log(`  hand-inlined if-chain of the same policy           ${us(ifChain)}`);
console.log(
  `  cedar-wasm isAuthorized (parses policies per call) ${us(stateless)}   (${statelessSample.length} requests)`,
);
console.log(`  cedar-wasm statefulIsAuthorized (pre-parsed set)   ${us(prepared)}   (${cedarSample.length} requests)`);
const speedup = stateless / ours;
const speedupPrepared = prepared / ours;
const slowdown = ours / ifChain;
console.log(
  `  ratio cedar-wasm isAuthorized / checkDisclosure:   ${speedup.toFixed(0)}× (goal ≥ 100×) ${verdict(speedup >= 100)}`,
);
console.log(
  `  ratio cedar-wasm pre-parsed / checkDisclosure:     ${speedupPrepared.toFixed(0)}× (goal ≥ 100×) ${verdict(speedupPrepared >= 100)}`,
);
console.log(
  `  ratio checkDisclosure / if-chain:                  ${slowdown.toFixed(2)} (goal ≤ 3.00) ${verdict(slowdown <= 3)}`,
);
