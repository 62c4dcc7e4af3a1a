// The app's version as tablets report it to the organizer (kept equal to package.json's by
// app-version.test.ts), so an old build still running at a door can be spotted.
export const APP_VERSION = '0.1.0';
