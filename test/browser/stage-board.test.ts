// The stage board (examples/stage-board) in headless Chromium: a worker walks the sample group from forming to closed
// by clicking, a blocked event shows its reasons, the stage survives a reload, a tampered snapshot is refused, a note
// naming another member is highlighted and redacted, a record with errors is refused with every problem listed, and
// axe finds no serious or critical accessibility violation in any of those states.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { formatIssuePath, parseGroupRecord } from "groupwork/model";
import { sampleGroupRecord } from "groupwork/sample";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./_chromium.js";

const url = inject("boardUrl");
const shots = "test-results/stage-board";
const axeSource = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  // A new context per test: its own empty localStorage, so no test sees another's stored snapshot.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: "UTC" });
  page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(url);
  await page.getByRole("heading", { level: 1 }).waitFor();
  return async () => {
    await context.close();
    expect(errors).toEqual([]);
  };
});

/** The stage the board shows, by its label. */
async function currentStage(): Promise<string> {
  return (await page.getByTestId("current-stage").textContent()) ?? "";
}

function eventButton(type: string) {
  return page.locator(`button[data-event="${type}"]`);
}

/** Opens an event's form, lets a test fill it, records it, and waits until the form has closed. */
async function record(type: string, fill: () => Promise<void> = async () => {}): Promise<void> {
  await eventButton(type).click();
  await fill();
  await page.locator("#event-form button[type=submit]").click();
  await page.locator("#event-form").waitFor({ state: "detached" });
}

/** Runs axe-core in the page and returns the serious and critical violations, by rule and element. */
async function seriousViolations(): Promise<string[]> {
  await page.addScriptTag({ path: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
    }
    const results = await axe.run(document);
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
  });
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.targets.join(", ")}`);
}

describe("the stage board", () => {
  it("starts the sample group in forming, with ADVANCE blocked and its reasons shown as text tied to the button", async () => {
    expect(await currentStage()).toBe("Forming");
    const advance = eventButton("ADVANCE");
    expect(await advance.getAttribute("aria-disabled")).toBe("true");
    // The reasons are on the page, not in a tooltip, and the button names them for a screen reader.
    const reasonsId = await advance.getAttribute("aria-describedby");
    const reasons = page.locator(`[id="${reasonsId}"] li`);
    expect(await reasons.evaluateAll((items) => items.map((item) => item.getAttribute("data-code")))).toEqual([
      "too-few-sessions",
      "agreement-not-adopted",
    ]);
    expect(await reasons.first().isVisible()).toBe(true);
    expect(await reasons.first().textContent()).toBe("1 session is needed in forming; 0 have been held.");
    // A blocked button stays in the tab order, and pressing it opens nothing.
    await advance.focus();
    expect(await advance.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.locator("#event-form").count()).toBe(0);
    expect(await seriousViolations()).toEqual([]);
    // axe really runs: a field with no label, planted in the page, is found.
    await page.evaluate(() => document.body.append(Object.assign(document.createElement("input"), { id: "planted" })));
    expect(await seriousViolations()).toEqual(["label (critical): #planted"]);
  });

  it("walks the sample group from forming to closed by clicking, and keeps the stage across reloads", async () => {
    await record("AGREEMENT_ADOPTED", async () => {
      await page.getByLabel("It has terms on confidentiality").check();
      await page.getByLabel(/cannot be guaranteed/).check();
    });
    await record("SESSION_HELD");
    await record("ADVANCE");
    expect(await currentStage()).toBe("Storming");
    await record("SESSION_HELD");
    await record("ADVANCE");
    expect(await currentStage()).toBe("Norming");
    await record("SESSION_HELD");
    await record("ADVANCE");
    expect(await currentStage()).toBe("Performing");

    // A reload restores the stored snapshot: the same stage and history.
    await page.reload();
    expect(await currentStage()).toBe("Performing");
    expect(await page.getByTestId("stage-history").locator("li").count()).toBe(4);
    expect(await page.getByRole("status").textContent()).toBe("Restored from this browser's storage.");

    // REGRESS without a reason is refused by the library, which says why; with one it is recorded.
    await eventButton("REGRESS").click();
    await page.locator("#event-form button[type=submit]").click();
    const refusal = page.getByRole("alert");
    expect(await refusal.locator("li").getAttribute("data-code")).toBe("reason-required");
    expect(await seriousViolations()).toEqual([]);
    await page.getByLabel("Back to").selectOption("norming");
    await page.getByLabel(/^Why/).fill("Airtime became uneven again after a member's loss was discussed.");
    await page.locator("#event-form button[type=submit]").click();
    await page.locator("#event-form").waitFor({ state: "detached" });
    expect(await currentStage()).toBe("Norming");
    await record("SESSION_HELD");
    await record("ADVANCE");
    await record("SESSION_HELD");
    await record("ADJOURN", async () => {
      await page.getByLabel(/^Why/).fill("The planned sessions are done; the group reviews its gains.");
    });
    expect(await currentStage()).toBe("Adjourning");
    await page.screenshot({ path: `${shots}/adjourning.png`, fullPage: true });
    await record("CLOSE");
    expect(await currentStage()).toBe("Closed");

    // Start, storming, norming, performing, norming again, performing again, adjourning, closed.
    const history = page.getByTestId("stage-history").locator("li strong");
    const stages = ["Forming", "Storming", "Norming", "Performing", "Norming", "Performing", "Adjourning", "Closed"];
    expect(await history.allTextContents()).toEqual(stages);
    expect(await eventButton("SESSION_HELD").getAttribute("aria-disabled")).toBe("true");

    await page.reload();
    expect(await currentStage()).toBe("Closed");
    expect(await page.getByTestId("stage-history").locator("li strong").allTextContents()).toEqual(stages);
  });

  it("refuses a tampered snapshot with its issues shown, and starts the group at its first session", async () => {
    await record("SESSION_HELD");
    const key = "groupwork.stage-board.grp-thursday-grief";
    // Planted: a snapshot that claims three sessions in its stage while the group has held one in all.
    await page.evaluate((storageKey) => {
      const envelope = JSON.parse(localStorage.getItem(storageKey) ?? "null");
      envelope.snapshot.context.sessionsInStage = 3;
      localStorage.setItem(storageKey, JSON.stringify(envelope));
    }, key);
    await page.reload();
    const alert = page.getByRole("alert");
    expect(await alert.getByRole("heading").textContent()).toBe("The stored stage snapshot was refused");
    expect(await alert.locator("li code").allTextContents()).toContain("counts-inconsistent");
    expect(await currentStage()).toBe("Forming");
    expect(await page.getByTestId("stage-history").locator("li").count()).toBe(1);
    expect(await seriousViolations()).toEqual([]);

    // Stored text that is not JSON at all is refused the same way.
    await page.evaluate((storageKey) => localStorage.setItem(storageKey, "{not json"), key);
    await page.reload();
    expect(await page.getByRole("alert").locator("li").textContent()).toContain("The stored snapshot is not JSON.");
  });

  it("highlights other members' names in a note and previews the note with them redacted", async () => {
    await page.getByLabel("The note is about").selectOption("m-hope");
    await page
      .getByLabel("Note", { exact: true })
      .fill("Hope spoke about her husband, and Will and Sofía answered her.");
    const marks = page.getByTestId("note-highlighted").locator("mark");
    expect(await marks.allTextContents()).toEqual(["Will", "Sofía"]);
    const redacted = (await page.getByTestId("note-redacted").textContent()) ?? "";
    expect(redacted).toBe("Hope spoke about her husband, and another member and another member answered her.");
    const problems = page.getByTestId("note-problems").locator("li");
    expect(await problems.evaluateAll((items) => items.map((item) => item.getAttribute("data-code")))).toEqual([
      "names-another-member",
      "names-another-member",
    ]);
    expect(await seriousViolations()).toEqual([]);
    await page.screenshot({ path: `${shots}/note.png`, fullPage: true });
  });

  it("refuses a dropped record with errors, listing every problem, and opens a valid one", async () => {
    const broken = { group: { id: "g-1", name: "", timeZone: "Mars/Olympus" }, members: "none" };
    const parsed = parseGroupRecord(broken);
    const expectedPaths = parsed.issues
      .filter((issue) => issue.severity === "error")
      .map((i) => formatIssuePath(i.path));
    expect(expectedPaths.length).toBeGreaterThan(3);
    await page.locator("input[type=file]").setInputFiles({
      name: "broken.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    const alert = page.getByRole("alert");
    await alert.waitFor();
    // Every problem the parser found, not just the first: each with its place in the record.
    const paths = await alert.locator("li").evaluateAll((items) => items.map((item) => item.getAttribute("data-path")));
    expect(paths).toEqual(expectedPaths);
    expect(await seriousViolations()).toEqual([]);

    await page.locator("input[type=file]").setInputFiles({
      name: "notes.json",
      mimeType: "application/json",
      buffer: Buffer.from("{ this is not JSON"),
    });
    await page.getByText("The file is not JSON.").waitFor();
    expect(await page.getByRole("alert").locator("li").count()).toBe(1);

    // A valid record opens: the board is now about that group, and the problems are gone.
    const renamed = { ...sampleGroupRecord, group: { ...sampleGroupRecord.group, name: "Tuesday Grief Support" } };
    await page.locator("input[type=file]").setInputFiles({
      name: "tuesday.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(renamed)),
    });
    await page.getByRole("heading", { level: 1, name: "Tuesday Grief Support" }).waitFor();
    expect(await page.getByText("from tuesday.json").count()).toBe(1);
    expect(await page.locator(".record-picker [role=alert]").count()).toBe(0);
  });

  it("replays the record's own stage log and shows it, as the screenshot in docs/ does", async () => {
    await page.getByRole("button", { name: /Replay the record's stage log/ }).click();
    expect(await currentStage()).toBe("Closed");
    expect(await page.getByRole("status").textContent()).toBe("Replayed the record's stage log: 20 events.");
    await page.getByRole("button", { name: "Start again at the first session" }).click();
    expect(await currentStage()).toBe("Forming");
    await record("AGREEMENT_ADOPTED", async () => {
      await page.getByLabel("It has terms on confidentiality").check();
      await page.getByLabel(/cannot be guaranteed/).check();
    });
    await record("SESSION_HELD");
    await record("ADVANCE");
    await page.getByLabel("Note", { exact: true }).fill("Hope talked about the anniversary; Will listened.");
    await page.screenshot({ path: `${shots}/overview.png`, fullPage: true });
    if (process.env["UPDATE_DOCS_SCREENSHOT"] === "1") copyFileSync(`${shots}/overview.png`, "docs/stage-board.png");
    expect(await seriousViolations()).toEqual([]);
  });
});
