/**
 * Build-time modules of the widget: `virtual:tthc-engine-file` is the content-hashed file name of
 * the lazy engine chunk, supplied by the build plugin in vite.config.ts.
 */
declare module 'virtual:tthc-engine-file' {
  const fileName: string;
  export default fileName;
}
