// groupwork disclose --record <record.json> --request <request.json> [--format text|json]
import { checkDisclosure, type DisclosureRequest, explainDecision } from "../../confidentiality/index.js";
import { type CommandArgs, CommandError, type CommandIo, inputName, paint, readJson, writeJson } from "../io.js";
import { loadRecord } from "../records.js";
import { visible, wrap } from "../text.js";

/** What a JSON value is, in a few words, without quoting it. */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "string" ? "text" : `a ${typeof value}`;
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

export async function run({ values }: CommandArgs, io: CommandIo): Promise<number> {
  const recordPath = values["record"];
  const requestPath = values["request"];
  if (typeof recordPath !== "string")
    throw new CommandError("--record <record.json> is required: the group the information is from");
  if (typeof requestPath !== "string") throw new CommandError("--request <request.json> is required");
  if (recordPath === "-" && requestPath === "-") throw new CommandError("standard input (-) can be read only once");
  const { record } = await loadRecord(recordPath, io);
  const request = await readJson(requestPath, io, "the request");
  // Spread into the check, text or a list would become fields "0", "1", …: say what the request must be instead.
  if (typeof request !== "object" || request === null || Array.isArray(request)) {
    throw new CommandError(
      `the request ${inputName(requestPath)} cannot be checked: it must be a JSON object with information, recipient, purpose and at; got ${kindOf(request)}`,
    );
  }

  // The consents on file are the record's: a request that brings its own would decide on papers the record lacks.
  if (Object.hasOwn(request, "consents")) {
    throw new CommandError(
      `the request ${inputName(requestPath)} holds "consents"; leave them out: the consents on file are the record's`,
    );
  }
  const information = field(request, "information");
  const memberId = field(information, "memberId");
  const groupId = field(information, "groupId");
  // Ids that are not text are left to checkDisclosure, which names the field and what it must be.
  if (typeof groupId === "string" && groupId !== record.group.id) {
    throw new CommandError(
      `the request is about group ${JSON.stringify(groupId)}, but the record is of "${record.group.id}"`,
    );
  }
  if (typeof memberId === "string" && !record.members.some((member) => member.id === memberId)) {
    throw new CommandError(`the request is about member ${JSON.stringify(memberId)}, who is not in the record`);
  }
  const decision = checkDisclosure({ ...(request as DisclosureRequest), consents: record.consents });
  if (decision.basis === "invalid-request") {
    const problems = decision.errors.map((error) => error.message).join(" ");
    throw new CommandError(`the request ${inputName(requestPath)} cannot be checked: ${problems}`);
  }
  const sentences = explainDecision(decision);
  if (values["format"] === "json") writeJson(io, { decision, explanation: sentences });
  else {
    const effect = decision.effect === "permit" ? paint(io, "green", "PERMIT") : paint(io, "red", "DENY");
    io.out(`${effect}\n`);
    for (const sentence of sentences) io.out(`${wrap(visible(sentence), 2, "  ")}\n`);
  }
  return decision.effect === "permit" ? 0 : 1;
}
