#!/usr/bin/env node
// check.mjs — read the HTML edition back in a real browser (Debian's Chromium,
// driven by playwright-core), fully offline.
//
// Usage: node tests/browser/check.mjs --shots <dir> <site-dir> [<site-dir> ...]
//   <site-dir> is a static site folder such as output/lscp/html/ (index.html,
//   other *.html pages, style.css, fonts/, img/). Its parent folder's name is
//   the brand ("lscp") and names the screenshot folder <dir>/<brand>/.
//
// For every site, and every *.html page in it (sorted), it checks:
//   1. axe-core, WCAG 2.0/2.1 A+AA and WCAG 2.2 AA rules, at 1280 and 375 px:
//      every violation is a failure;
//   2. full-page screenshots at 375 and 1280 px wide (<page>-375.png, ...), and
//      no horizontal scrolling at 375 px nor at 320 px (400 % zoom of 1280 px: WCAG reflow);
//   3. links: every relative a/link/img/source/use/script... target exists on
//      disk; #fragments resolve to an id on the target page (or this page);
//      no duplicate ids; no javascript: links; no root-absolute links (those
//      break when the site is opened from disk);
//   4. keyboard: Tab through each page; starting at index.html, following the
//      links that receive focus must reach every page; the first Tab on every
//      page must land on a skip link ("#id" whose target exists).
// Also a failure: any request outside the site's parent folder (the site must
// be self-contained; such requests are blocked), any resource that fails to
// load, any uncaught script error or console error.
//
// Prints a report, then "browser-check: N pages, M failures".
// Exit status: 0 no failures; 1 some failure; 2 could not run (no Chromium,
//              no node_modules — run `npm ci` in tests/browser — bad usage).
//
// Environment: CHROMIUM  path of the browser (default /usr/bin/chromium).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PAGE_TIMEOUT_MS = 30_000;
const MAX_TABS = 600;
const WIDTHS = [375, 1280];
const PHONE = 375;
const REFLOW = 320;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// Schemes a page may link to without us fetching them.
const EXTERNAL_OK = new Set(['https:', 'mailto:', 'tel:', 'sms:']);
// Chromium's flags: no sandbox (we run as root), and no traffic of its own
// (updates, sync, QUIC probes) on a machine whose network is closed.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function usageExit(msg) {
  if (msg) console.error(`browser-check: ${msg}`);
  console.error('usage: node tests/browser/check.mjs --shots <dir> <site-dir> [<site-dir> ...]');
  process.exit(2);
}

// ---------------------------------------------------------------- arguments
let shotsDir = null;
const siteArgs = [];
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--shots') { shotsDir = argv[++i]; if (!shotsDir) usageExit('--shots needs a directory'); }
    else if (a.startsWith('--shots=')) shotsDir = a.slice('--shots='.length);
    else if (a === '-h' || a === '--help') usageExit();
    else if (a.startsWith('--')) usageExit(`unknown option ${a}`);
    else siteArgs.push(a);
  }
}
if (!shotsDir) usageExit('--shots <dir> is required');
if (siteArgs.length === 0) usageExit('no site directory given');

// ---------------------------------------------------------------- requirements
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!fs.existsSync(chromiumPath)) {
  console.error(`browser-check: Chromium not found at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM)`);
  process.exit(2);
}
const axePath = path.join(HERE, 'node_modules', 'axe-core', 'axe.min.js');
const pwPath = path.join(HERE, 'node_modules', 'playwright-core', 'index.mjs');
if (!fs.existsSync(axePath) || !fs.existsSync(pwPath)) {
  console.error(`browser-check: ${path.join(HERE, 'node_modules')} lacks axe-core or playwright-core (run: cd ${HERE} && npm ci)`);
  process.exit(2);
}
const { chromium } = await import(pathToFileURL(pwPath).href);

// ---------------------------------------------------------------- reporting
let failureCount = 0;
let pageCount = 0;
// Each page is loaded several times (two widths, keyboard walk): say each
// problem once.
const reported = new Set();
function fail(where, msg) {
  const key = `${where}\u0000${msg}`;
  if (reported.has(key)) return;
  reported.add(key);
  failureCount++;
  console.log(`  FAIL ${where}: ${msg}`);
}
function note(where, msg) {
  const key = `note\u0000${where}\u0000${msg}`;
  if (reported.has(key)) return;
  reported.add(key);
  console.log(`  note ${where}: ${msg}`);
}
function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms / 1000} s`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

// Every *.html below dir, as sorted posix relative paths.
function listPages(dir) {
  const out = [];
  (function walk(rel) {
    for (const ent of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${ent.name}` : ent.name;
      if (ent.isDirectory()) { if (ent.name !== 'node_modules') walk(r); }
      else if (ent.isFile() && ent.name.endsWith('.html')) out.push(r);
    }
  })('');
  return out.sort();
}

// ---------------------------------------------------------------- in-page probes
// These functions run inside the page (serialised by playwright).

/* Ids, duplicate ids, and every URL-bearing attribute. */
function probeDom() {
  const ids = new Map();
  for (const e of document.querySelectorAll('[id]')) ids.set(e.id, (ids.get(e.id) || 0) + 1);
  const describe = (e) => {
    let s = e.tagName.toLowerCase();
    if (e.id) s += `#${e.id}`;
    const text = (e.textContent || e.getAttribute('alt') || '').replace(/\s+/g, ' ').trim();
    if (text) s += ` "${text.slice(0, 40)}"`;
    return s;
  };
  const refs = [];
  const add = (e, attr, value) => { if (value !== null) refs.push({ el: describe(e), tag: e.tagName.toLowerCase(), attr, value }); };
  const attrs = [
    ['a[href]', 'href'], ['area[href]', 'href'], ['link[href]', 'href'], ['img[src]', 'src'], ['script[src]', 'src'],
    ['iframe[src]', 'src'], ['video[src]', 'src'], ['video[poster]', 'poster'], ['audio[src]', 'src'],
    ['source[src]', 'src'], ['track[src]', 'src'], ['object[data]', 'data'], ['input[src]', 'src'],
    ['form[action]', 'action'],
  ];
  for (const [sel, attr] of attrs) for (const e of document.querySelectorAll(sel)) add(e, attr, e.getAttribute(attr));
  // SVG <use>: href, or the older xlink:href.
  for (const e of document.querySelectorAll('use')) {
    add(e, 'href', e.getAttribute('href') ?? e.getAttributeNS('http://www.w3.org/1999/xlink', 'href'));
  }
  // srcset: "url 1x, url 2x" — the URL is the first token of each candidate.
  for (const e of document.querySelectorAll('source[srcset], img[srcset]')) {
    for (const cand of e.getAttribute('srcset').split(',')) {
      const url = cand.trim().split(/\s+/)[0];
      if (url) add(e, 'srcset', url);
    }
  }
  return {
    ids: [...ids.keys()],
    dupIds: [...ids].filter(([, n]) => n > 1).map(([id, n]) => `${id} (${n}x)`),
    refs,
    base: document.baseURI,
  };
}

/* At phone width: the page's scroll width, and the outermost elements that stick out. */
function probeOverflow(limit) {
  const sw = document.documentElement.scrollWidth;
  const out = [];
  if (sw > limit) {
    const sticks = (e) => e.getBoundingClientRect().right > limit;
    for (const e of document.body.querySelectorAll('*')) {
      if (!sticks(e) || (e.parentElement && e.parentElement !== document.body && sticks(e.parentElement))) continue;
      const r = e.getBoundingClientRect();
      let s = e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + [...e.classList].map((c) => `.${c}`).join('');
      const text = (e.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40);
      out.push({ desc: `${s}${text ? ` "${text}"` : ''} (right edge ${Math.round(r.right)} px, width ${Math.round(r.width)} px)`, right: r.right });
    }
    out.sort((a, b) => b.right - a.right);
  }
  return { sw, offenders: out.slice(0, 3).map((o) => o.desc) };
}

/* The focused element after a Tab. Marks elements already seen, to spot the wrap. */
function probeFocus() {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return { none: true };
  window.__gpSeen = window.__gpSeen || new Set();
  const again = window.__gpSeen.has(e);
  window.__gpSeen.add(e);
  const raw = e.getAttribute('href');
  let skipTarget = null;
  if (raw && raw.startsWith('#') && raw.length > 1) {
    let id = raw.slice(1);
    try { id = decodeURIComponent(id); } catch { /* keep raw */ }
    skipTarget = !!document.getElementById(id);
  }
  const text = (e.textContent || e.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim().slice(0, 40);
  return {
    again, tag: e.tagName.toLowerCase(), raw, href: raw !== null && e.href ? String(e.href) : null,
    skipTarget, desc: `${e.tagName.toLowerCase()}${raw !== null ? `[href="${raw}"]` : ''}${text ? ` "${text}"` : ''}`,
  };
}

// ---------------------------------------------------------------- main
const t0 = Date.now();
let browser;
try {
  browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS, timeout: 60_000 });
} catch (e) {
  console.error(`browser-check: could not start Chromium at ${chromiumPath}: ${e.message.split('\n')[0]}`);
  process.exit(2);
}
console.log(`browser-check: Chromium ${browser.version()}, axe-core ${JSON.parse(fs.readFileSync(path.join(HERE, 'node_modules', 'axe-core', 'package.json'), 'utf8')).version}`);

try {
  for (const siteArg of siteArgs) await checkSite(siteArg);
} finally {
  await browser.close().catch(() => {});
}
console.log(`\n(took ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
console.log(`browser-check: ${pageCount} pages, ${failureCount} failures`);
process.exit(failureCount > 0 ? 1 : 0);

async function checkSite(siteArg) {
  const siteDir = path.resolve(siteArg);
  console.log(`\n== site ${siteDir}`);
  if (!fs.existsSync(siteDir) || !fs.statSync(siteDir).isDirectory()) { fail(siteArg, 'not a directory'); return; }
  const rootDir = path.dirname(siteDir);          // downloads (../brand.pdf) live here
  const brand = path.basename(rootDir);
  const rootPrefix = rootDir + path.sep;
  const pages = listPages(siteDir);
  if (!pages.includes('index.html')) fail(siteArg, 'no index.html');
  if (pages.length === 0) return;
  pageCount += pages.length;
  const shotDir = path.join(path.resolve(shotsDir), brand);
  fs.mkdirSync(shotDir, { recursive: true });
  const pageUrl = (rel) => pathToFileURL(path.join(siteDir, rel)).href;
  // absolute file path -> relative page name, for pages of this site
  const pageOfPath = new Map(pages.map((p) => [path.join(siteDir, p), p]));

  // One context per width, reused for every page of the site. bypassCSP: a
  // Content-Security-Policy in the pages must not stop axe from being injected.
  const contexts = {};
  for (const w of WIDTHS) {
    contexts[w] = await browser.newContext({ viewport: { width: w, height: 800 }, bypassCSP: true, reducedMotion: 'reduce' });
    await contexts[w].route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return route.continue();
      let p = null;
      if (url.startsWith('file:')) { try { p = fileURLToPath(url.split('#')[0].split('?')[0]); } catch { p = null; } }
      if (p !== null && (p === rootDir || p.startsWith(rootPrefix))) return route.continue();
      const where = route.request().frame()?.page()?.__gpName || '?';
      fail(where, `requested ${url} outside the site (blocked)`);
      return route.abort('blockedbyclient');
    });
  }

  // Open a page with the listeners that turn load errors into failures.
  async function open(width, rel, label) {
    const page = await contexts[width].newPage();
    page.__gpName = label;
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    page.on('pageerror', (err) => fail(label, `script error: ${err.message}`));
    page.on('requestfailed', (req) => {
      const why = req.failure()?.errorText || '';
      if (why.includes('ERR_BLOCKED_BY_CLIENT')) return;   // already reported by the route
      fail(label, `could not load ${req.url()} (${why})`);
    });
    page.on('console', (m) => {
      // "Failed to load resource" duplicates requestfailed; anything else is news.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) fail(label, `console error: ${m.text()}`);
    });
    await page.goto(pageUrl(rel), { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    await page.evaluate(() => document.fonts.ready.then(() => true));
    return page;
  }

  async function runAxe(page) {
    await page.addScriptTag({ path: axePath });
    return page.evaluate(async (tags) => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'],
        // preload:false: from file:// each page is its own origin, so axe's
        // re-fetch of style.css (XHR, for its CSSOM) fails with a CORS console
        // error. Only css-orientation-lock uses that CSSOM, and it is tagged
        // "experimental", which a tag-based runOnly never runs.
        preload: false });
      return r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
        nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target.join(' '), html: n.html.replace(/\s+/g, ' ').slice(0, 160) })),
      }));
    }, AXE_TAGS);
  }

  // ---- pass 1: each page at both widths: axe, screenshots, overflow, DOM facts
  const info = new Map();   // rel -> { ids:Set, refs, base }
  for (const rel of pages) {
    const label = `${brand}/${rel}`;
    const tPage = Date.now();
    const violations = new Map();   // key -> { v, widths }
    for (const w of [1280, PHONE]) {
      let page;
      try {
        await withTimeout((async () => {
          page = await open(w, rel, label);
          for (const v of await runAxe(page)) {
            const key = `${v.id}|${v.nodes.map((n) => n.target).join(',')}`;
            if (violations.has(key)) violations.get(key).widths.push(w);
            else violations.set(key, { v, widths: [w] });
          }
          const shot = path.join(shotDir, `${rel.replace(/\.html$/, '').replaceAll('/', '__')}-${w}.png`);
          await page.screenshot({ path: shot, fullPage: true, timeout: PAGE_TIMEOUT_MS });
          if (w === PHONE) {
            // At the phone width, and at 320 px: a 1280 px window zoomed to 400 %, where
            // WCAG 1.4.10 (reflow) asks for no sideways scrolling.
            for (const width of [PHONE, REFLOW]) {
              if (width !== PHONE) await page.setViewportSize({ width, height: 800 });
              const o = await page.evaluate(probeOverflow, width + 1);
              if (o.sw > width + 1) {
                fail(label, `scrolls sideways at ${width} px: scrollWidth ${o.sw}` +
                  (o.offenders.length ? `; widest: ${o.offenders.join('; ')}` : ''));
              }
            }
          } else {
            const d = await page.evaluate(probeDom);
            info.set(rel, { ids: new Set(d.ids), refs: d.refs, base: d.base });
            if (d.dupIds.length) fail(label, `duplicate ids: ${d.dupIds.join(', ')}`);
          }
        })(), PAGE_TIMEOUT_MS + 5_000, `${label} at ${w} px`);
      } catch (e) {
        fail(label, `at ${w} px: ${e.message.split('\n')[0]}`);
      } finally {
        if (page) await page.close().catch(() => {});
      }
    }
    for (const { v, widths } of violations.values()) {
      fail(label, `axe ${v.id} (${v.impact}) at ${widths.join(' & ')} px: ${v.help} — ${v.count} node(s)`);
      for (const n of v.nodes) console.log(`         ${n.target}  ${n.html}`);
    }
    console.log(`  page ${label}: checked (${((Date.now() - tPage) / 1000).toFixed(1)} s)`);
  }

  // ---- pass 2: links and fragments, now that every page's ids are known
  for (const rel of pages) {
    const d = info.get(rel);
    if (!d) continue;   // page could not be loaded: already reported
    const label = `${brand}/${rel}`;
    const seen = new Set();
    for (const ref of d.refs) {
      const raw = ref.value.trim();
      const what = `${ref.el} ${ref.attr}="${ref.value}"`;
      if (seen.has(what)) continue;
      seen.add(what);
      const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(raw)?.[1]?.toLowerCase();
      if (scheme === 'javascript:') { fail(label, `javascript: link: ${what}`); continue; }
      if (scheme) {
        if (EXTERNAL_OK.has(scheme)) continue;
        if (scheme === 'data:' && ref.tag !== 'a') continue;
        if (scheme === 'http:') { note(label, `plain http link (prefer https): ${what}`); continue; }
        fail(label, `unexpected ${scheme} link: ${what}`);
        continue;
      }
      if (raw.startsWith('//')) { fail(label, `protocol-relative link (breaks from disk): ${what}`); continue; }
      if (raw.startsWith('/')) { fail(label, `root-absolute link (breaks when opened from disk): ${what}`); continue; }
      if (raw === '' ) continue;   // points to the page itself
      if (raw === '#') { fail(label, `empty fragment link (goes nowhere): ${what}`); continue; }
      let url;
      try { url = new URL(raw, d.base); } catch { fail(label, `unparsable URL: ${what}`); continue; }
      const target = fileURLToPath(new URL(url.pathname, url));
      const frag = url.hash ? (() => { try { return decodeURIComponent(url.hash.slice(1)); } catch { return url.hash.slice(1); } })() : '';
      if (!(target === rootDir || target.startsWith(rootPrefix))) { fail(label, `points outside ${rootDir}: ${what}`); continue; }
      if (!fs.existsSync(target)) { fail(label, `missing file ${path.relative(rootDir, target)}: ${what}`); continue; }
      if (fs.statSync(target).isDirectory()) { fail(label, `links to a directory (no index from disk): ${what}`); continue; }
      if (frag) {
        const targetPage = pageOfPath.get(target);
        if (targetPage !== undefined) {
          const ids = info.get(targetPage)?.ids;
          if (ids && !ids.has(frag)) fail(label, `no id "${frag}" in ${targetPage}: ${what}`);
        }
      }
    }
  }

  // ---- pass 3: keyboard. Tab through every page; reachability by BFS from index.
  const edges = new Map();   // rel -> Set(rel) reached by focusing links
  for (const rel of pages) {
    const label = `${brand}/${rel}`;
    let page;
    const out = new Set();
    try {
      await withTimeout((async () => {
        page = await open(1280, rel, label);
        let first = true;
        let presses = 0;
        for (; presses < MAX_TABS; presses++) {
          await page.keyboard.press('Tab');
          const f = await page.evaluate(probeFocus);
          if (first) {
            first = false;
            if (f.none) fail(label, 'first Tab focuses nothing (expected a skip link)');
            else if (f.tag !== 'a' || !f.raw || !f.raw.startsWith('#') || f.raw.length < 2) fail(label, `first Tab focuses ${f.desc}, not a skip link`);
            else if (!f.skipTarget) fail(label, `skip link ${f.desc} has no target on the page`);
          }
          if (f.none || f.again) break;   // wrapped round, or focus left the page
          if (f.href && f.href.startsWith('file:')) {
            const p = fileURLToPath(new URL(new URL(f.href).pathname, f.href));
            const target = pageOfPath.get(p);
            if (target !== undefined && target !== rel) out.add(target);
          }
        }
        if (presses === MAX_TABS) note(label, `stopped after ${MAX_TABS} Tab presses without wrapping`);
      })(), PAGE_TIMEOUT_MS + 5_000, `${label} keyboard walk`);
    } catch (e) {
      fail(label, `keyboard walk: ${e.message.split('\n')[0]}`);
    } finally {
      if (page) await page.close().catch(() => {});
    }
    edges.set(rel, out);
  }
  if (pages.includes('index.html')) {
    const reached = new Set(['index.html']);
    const queue = ['index.html'];
    while (queue.length) for (const n of edges.get(queue.shift()) || []) if (!reached.has(n)) { reached.add(n); queue.push(n); }
    const missed = pages.filter((p) => !reached.has(p));
    if (missed.length) fail(`${brand}/`, `not reachable by keyboard from index.html: ${missed.join(', ')}`);
    else console.log(`  keyboard: all ${pages.length} pages reachable from index.html`);
  }

  for (const w of WIDTHS) await contexts[w].close().catch(() => {});
  console.log(`  screenshots in ${shotDir}`);
}
