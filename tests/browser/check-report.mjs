// Browser test of the HTML report (run by scripts/browser-test.sh).
//
// 1. Renders examples/cctp-site-communal.md to HTML, in French and in
//    English, with the built binary (RESET_CHECK_BIN, else target/debug).
// 2. Opens each in Debian's headless Chromium through playwright-core, with
//    a fresh profile and every network request refused (the report must be
//    self-contained: any request is a failure).
// 3. Injects axe-core and asserts zero violations (printed when there are).
// 4. Prints the French report to PDF (A4) and checks the page count (> 1)
//    and that its text holds a model clause and the chart's title
//    (pdftotext when present, else the PDF bytes).
// 5. With --screenshot FILE, saves a PNG of the top of the French report.
//
// Exits non-zero on any failure.

import { chromium } from 'playwright-core';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

const args = process.argv.slice(2);
const shotIndex = args.indexOf('--screenshot');
const screenshot = shotIndex >= 0 ? resolve(args[shotIndex + 1]) : null;
const bin = process.env.RESET_CHECK_BIN || join(root, 'target', 'debug', 'reset-check');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
// Relative, as a user would type it: the report shows it.
const input = join('examples', 'cctp-site-communal.md');

const failures = [];
const fail = (msg) => {
  failures.push(msg);
  console.error(`FAIL: ${msg}`);
};

if (!existsSync(bin)) {
  console.error(`error: ${bin} not found; build it first (cargo build -p reset-check)`);
  process.exit(2);
}
if (!existsSync(chromiumPath)) {
  console.error(`error: ${chromiumPath} not found (apt-get install -y chromium)`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'reset-browser-'));
const profile = mkdtempSync(join(tmpdir(), 'reset-chromium-profile-'));
let context;
try {
  const reports = {};
  for (const lang of ['fr', 'en']) {
    const out = join(work, `report-${lang}.html`);
    execFileSync(bin, ['spec', input, '--format', 'html', '--lang', lang, '-o', out], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH || '1741910400' },
    });
    reports[lang] = out;
  }

  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1200, height: 900 },
  });

  for (const [lang, file] of Object.entries(reports)) {
    const page = await context.newPage();
    const requests = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    if (requests.length) fail(`[${lang}] the report asked the network for: ${requests.join(', ')}`);

    const htmlLang = await page.evaluate(() => document.documentElement.lang);
    if (htmlLang !== lang) fail(`[${lang}] <html lang> is "${htmlLang}"`);
    const scripts = await page.evaluate(() => document.scripts.length);
    if (scripts !== 0) fail(`[${lang}] the report holds ${scripts} script element(s)`);

    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return {
        violations: r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
        })),
        passes: r.passes.length,
      };
    });
    console.log(`[${lang}] axe-core: ${result.violations.length} violation(s), ${result.passes} rule(s) passed`);
    for (const v of result.violations) {
      fail(`[${lang}] axe ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`);
    }

    if (lang === 'fr') {
      const clause = await page.evaluate(
        () => document.querySelector('.clause p:nth-of-type(2)')?.textContent ?? '',
      );
      const chartTitle = await page.evaluate(
        () => document.querySelector('figure figcaption')?.textContent ?? '',
      );
      if (!clause) fail('no model clause in the report');
      if (!chartTitle) fail('no chart caption in the report');
      const svgTitle = await page.evaluate(() => document.querySelector('svg[role=img] > title')?.textContent ?? '');
      if (svgTitle !== chartTitle) fail(`the chart's <title> "${svgTitle}" differs from its caption "${chartTitle}"`);

      if (screenshot) {
        await page.screenshot({ path: screenshot, fullPage: true, clip: { x: 0, y: 0, width: 1200, height: 1300 } });
        console.log(`screenshot: ${screenshot}`);
      }

      const pdfPath = join(work, 'report-fr.pdf');
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: pdfPath, format: 'A4', printBackground: true, preferCSSPageSize: true });
      const bytes = readFileSync(pdfPath);
      const pages = countPages(pdfPath, bytes);
      console.log(`[${lang}] PDF: ${pages} page(s), ${bytes.length} bytes`);
      if (!(pages > 1)) fail(`the PDF has ${pages} page(s); expected more than one`);

      const text = pdfText(pdfPath, bytes);
      const norm = (s) => s.replace(/\s+/g, ' ').trim();
      const body = norm(text);
      // The first words of the clause: a long clause wraps over lines.
      const clauseStart = norm(clause).split(' ').slice(0, 6).join(' ');
      if (text === null) {
        console.log('PDF text: pdftotext not found; checked the page count only');
      } else {
        if (!body.includes(clauseStart)) fail(`the PDF text lacks the model clause "${clauseStart}…"`);
        else console.log(`[${lang}] PDF holds the clause "${clauseStart}…"`);
        if (!body.includes(norm(chartTitle))) fail(`the PDF text lacks the chart title "${chartTitle}"`);
        else console.log(`[${lang}] PDF holds the chart title "${chartTitle}"`);
      }
    }
    await page.close();
  }
} catch (e) {
  fail(e && e.stack ? e.stack : String(e));
} finally {
  if (context) await context.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`browser test: ${failures.length} failure(s)`);
  process.exit(1);
}
console.log('browser test: ok');

function countPages(path, bytes) {
  const info = spawnSync('pdfinfo', [path], { encoding: 'utf8' });
  if (info.status === 0) {
    const m = info.stdout.match(/^Pages:\s+(\d+)/m);
    if (m) return Number(m[1]);
  }
  // Fallback: the page objects of the PDF.
  const s = bytes.toString('latin1');
  return (s.match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
}

function pdfText(path) {
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  return r.stdout;
}
