// Soplan's pages render in the browser: data comes from /api with the session cookie, live parts over sockets.
export const ssr = false;
export const prerender = false;
