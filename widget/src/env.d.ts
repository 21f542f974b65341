/**
 * Build-time modules of the widget: `virtual:tthc-engine-file` is the content-hashed file name of
 * the lazy engine chunk, supplied by the build plugin in vite.config.ts.
 */
declare module 'virtual:tthc-engine-file' {
  const fileName: string;
  export default fileName;
}

/** The content-hashed file name of the UI chunk (configuration, models, outbox, rendered panels). */
declare module 'virtual:tthc-ui-file' {
  const fileName: string;
  export default fileName;
}

/** The content-hashed file names of the strings chunks, one per language. */
declare module 'virtual:tthc-vi-file' {
  const fileName: string;
  export default fileName;
}
declare module 'virtual:tthc-en-file' {
  const fileName: string;
  export default fileName;
}

/** The content-hashed file name of the schema chunk (zod/mini: agency file and `contacts`). */
declare module 'virtual:tthc-schema-file' {
  const fileName: string;
  export default fileName;
}
