/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, renderHtmlReport, writeHtmlReport } from '../src/index.js';
import { NASTY_SYMBOLS, sampleResults } from './support/sample-results.js';

const XSS = '<script>alert(1)</script>';

describe('renderHtmlReport (static checks)', () => {
  const html = renderHtmlReport(sampleResults(), { title: 'Run <1>' });

  it('is one self-contained document: no scripts, no external resources, a strict CSP', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(?:src|href)\s*=/i);
    expect(html).toContain("default-src 'none'");
    // Besides the SVG namespace identifier (never fetched), the only URL is a sample symbol, as escaped text.
    const urls = new Set(html.match(/https?:\/\/[^"\s<]+/g));
    expect([...urls].sort()).toEqual(['http://www.w3.org/2000/svg', 'http://x&quot;)']);
  });

  it('escapes every user string', () => {
    expect(html).toContain(escapeHtml(XSS));
    expect(html).not.toContain(XSS);
    expect(html).toContain('Run &lt;1&gt;');
    expect(html).toContain('&lt;b&gt;&quot;bold&quot;&lt;/b&gt;');
    expect(html).toContain(escapeHtml('sma<cross>'));
    for (const s of [NASTY_SYMBOLS[0], NASTY_SYMBOLS[5]] as string[]) expect(html).toContain(escapeHtml(s));
  });

  it('has the five charts and the tables', () => {
    for (const cls of ['equity', 'drawdown', 'heatmap', 'histogram', 'bars'])
      expect(html).toContain(`class="chart ${cls}"`);
    for (const cls of ['metrics', 'stats', 'trades', 'config'])
      expect(html).toMatch(new RegExp(`<table class="[^"]*${cls}`));
  });

  it('writes atomically', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ml4t-report-'));
    try {
      await writeHtmlReport(sampleResults(), join(dir, 'report.html'));
      expect(await readdir(dir)).toEqual(['report.html']);
      expect(await readFile(join(dir, 'report.html'), 'utf8')).toBe(renderHtmlReport(sampleResults()));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const executablePath = CHROMIUM_CANDIDATES.find((p): p is string => p !== undefined && p !== '' && existsSync(p));
const inCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

if (executablePath === undefined && !inCi) {
  console.warn(
    `[results] SKIPPING the headless Chromium report test: no Chromium at ${CHROMIUM_CANDIDATES.filter(Boolean).join(', ')}. ` +
      'Install it (apt-get install chromium) or set CHROMIUM_PATH. With CI set this test fails instead.',
  );
}

describe.skipIf(executablePath === undefined && !inCi)('HTML report in headless Chromium', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ml4t-report-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('renders its charts without console errors, shows the script-named symbol as text, fires no dialog', async () => {
    if (executablePath === undefined) {
      throw new Error(
        `CI is set but no Chromium was found (looked at ${CHROMIUM_CANDIDATES.filter(Boolean).join(', ')})`,
      );
    }
    const file = join(dir, 'report.html');
    await writeHtmlReport(sampleResults(), file);
    const browser = await chromium.launch({
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      const problems: string[] = [];
      const dialogs: string[] = [];
      const requests: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(msg.text());
      });
      page.on('pageerror', (err) => problems.push(err.message));
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('request', (req) => requests.push(req.url()));
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

      const charts = await page.locator('svg.chart').all();
      expect(charts.length).toBe(5);
      for (const chart of charts) {
        const box = await chart.boundingBox();
        expect(box?.width ?? 0).toBeGreaterThan(100);
        expect(box?.height ?? 0).toBeGreaterThan(50);
      }
      // The equity line is drawn: a path with a non-trivial length.
      const equityLength = await page
        .locator('svg.equity path')
        .last()
        .evaluate((p) => (p as SVGPathElement).getTotalLength());
      expect(equityLength).toBeGreaterThan(100);
      expect(await page.locator('svg.heatmap rect').count()).toBeGreaterThan(1);

      expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(0);
      await expect(page.getByText(XSS).first().isVisible()).resolves.toBe(true);
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees.
      expect(await page.evaluate(() => document.body.innerText)).toContain(XSS);

      const shot = await page.screenshot({ fullPage: true, type: 'png' });
      expect(shot.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(shot.length).toBeGreaterThan(20_000);
      const { width, height } = { width: shot.readUInt32BE(16), height: shot.readUInt32BE(20) };
      expect(width).toBe(1000);
      expect(height).toBeGreaterThan(1500);

      expect(problems).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
