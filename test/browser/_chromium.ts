// Headless Chromium for the browser tests: Debian's `chromium` package (apt-get install -y chromium), driven by
// playwright-core. CHROMIUM_PATH names another Chromium or Chrome binary. Playwright's own browser download is never
// used: it fails on machines without open network access.
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

const candidates = [process.env["CHROMIUM_PATH"], "/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** Starts headless Chromium, or fails with what to install. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = candidates.find((path) => path !== undefined && path !== "" && existsSync(path));
  if (executablePath === undefined) {
    throw new Error(
      "The browser tests need Chromium: install Debian's package (apt-get install -y chromium), or set CHROMIUM_PATH " +
        "to a Chromium or Chrome binary.",
    );
  }
  return chromium.launch({
    executablePath,
    // Without the networking flags Chromium keeps trying to reach Google's hosts, which a closed network refuses.
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}
