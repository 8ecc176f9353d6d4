// A single-page app: the server owns data and rules, pages render in the browser.
export const ssr = false;
export const prerender = false;
