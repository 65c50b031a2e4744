// Loads the framework's scripts once the page has loaded, instead of as soon as they arrive.
//
// Every page is complete HTML (it reads and works without JavaScript); the ~130 KB of Next.js and
// React only hydrate it. Next.js puts those chunks in <head> as `<script async>` (and preloads the
// first), so they compete with the page's text, styles and main image for the network, and a
// browser that has them early (a fast network, a warm cache, Lighthouse's unthrottled trace) runs
// them before its first paint, which then waits for them. This rewrite asks for the scripts after
// the window's `load` event, when the browser is idle: the strategy Next.js itself calls
// `lazyOnload` for third-party scripts, applied to its own. They are not preloaded either: a preload
// takes bandwidth from the main image on a slow phone connection, and Lighthouse counts a preloaded
// script as needed for the paint whenever its evaluation is too short to show in the trace.
// Links, forms, search and booking work without JavaScript; what waits is hydration (client-side
// navigation, the print button, the booking form's inline checks).
// Issue 10: "find what ties that paint to the scripts in the trace, and cut it".
//
// Plain JavaScript (not TypeScript): the cache handlers that call it (../cache-handler/) are loaded
// by Node.js as they are, without Next.js's compiler.

/** Appended to the rewritten document; marks it so a second pass leaves it alone. */
export const loaderMarker = 'self.__clinicLoadApp'

// What Next.js 16 writes for each framework chunk (React's `preinit` in <head>, the bootstrap
// script at the end of <body>). `noModule` polyfills, inline scripts and anything with other
// attributes (integrity, nonce) are left as they are: the rewrite only touches what it recognises.
const chunkScript = /<script src="(\/_next\/static\/[^"<>]+\.js)" async=""><\/script>/g
const scriptPreload = /<link rel="preload" as="script" fetchPriority="low" href="(\/_next\/static\/[^"<>]+\.js)"\/>/g

/**
 * The script that loads `sources` once the page has loaded (the window's `load` event) and painted
 * its first content, a frame later, when the browser is idle; or after 5 s whatever happens (an
 * image that never finishes, a tab opened in the background, a browser without paint timing must
 * not leave the page without its scripts). ES5, and the list as JSON with `<` escaped, so no source
 * can end the script element.
 */
export function loaderScript(sources) {
  const list = JSON.stringify(sources).replace(/</g, '\\u003c')
  return (
    `<script>${loaderMarker}=function(s){var w=window,d=document,done=0,loaded=0,painted=0;` +
    `function go(){if(done)return;done=1;for(var i=0;i<s.length;i++){var e=d.createElement("script");e.src=s[i];e.async=true;d.body.appendChild(e)}}` +
    `function ready(){if(!loaded||!painted)return;w.requestAnimationFrame(function(){setTimeout(function(){` +
    `var r=w.requestIdleCallback;r?r(go,{timeout:1000}):go()},0)})}` +
    `function onLoad(){loaded=1;ready()}` +
    `try{new PerformanceObserver(function(l,o){if(l.getEntriesByName("first-contentful-paint").length){o.disconnect();painted=1;ready()}}).observe({type:"paint",buffered:true})}catch(x){painted=1}` +
    `d.readyState==="complete"?onLoad():w.addEventListener("load",onLoad);setTimeout(go,5000)};` +
    `${loaderMarker}(${list})</script>`
  )
}

/**
 * Rewrites a rendered page so its framework scripts load after the page has. Returns the
 * document unchanged when it has no such script or was already rewritten.
 * @param {string} html
 * @returns {string}
 */
export function deferAppScripts(html) {
  if (typeof html !== 'string' || html.includes(loaderMarker)) return html
  const sources = []
  let rewritten = html.replace(chunkScript, (_tag, src) => {
    if (!sources.includes(src)) sources.push(src)
    return ''
  })
  if (sources.length === 0) return html
  // The bootstrap chunk's preload link in <head>: it is one of the scripts now loaded later.
  rewritten = rewritten.replace(scriptPreload, (tag, href) => (sources.includes(href) ? '' : tag))
  const end = rewritten.lastIndexOf('</body>')
  const loader = loaderScript(sources)
  rewritten = end === -1 ? rewritten + loader : rewritten.slice(0, end) + loader + rewritten.slice(end)
  return rewritten
}
