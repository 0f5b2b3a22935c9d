// The public portal's remembered preferences, applied before the first paint: a classic blocking
// script (the CSP allows no inline script). Keep the key in step with src/web/public/elder.ts.
try {
  if (localStorage.getItem('fazhi.portal.elder') === '1') document.documentElement.classList.add('elder');
} catch (e) {
  // Storage is off (private mode): the portal opens in its standard mode.
}
