// The dev server forwards /api to the API so the browser sees one origin and the refresh cookie
// stays first-party; API_PORT is the one `npm start` gives the API.
export default {
  '/api': {
    target: `http://127.0.0.1:${process.env.API_PORT || 3000}`,
    secure: false,
    changeOrigin: false,
  },
};
