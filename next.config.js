// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Tests and `npm start` build into the same folder; a test build never shadows a dev one.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

module.exports = nextConfig;
