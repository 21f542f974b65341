// WXT build of the auditor extension. Sources live in extension/ (srcDir); outputs go to
// .output/chrome-mv3 and .output/firefox-mv3. Auto-imports are off: every module imports what it uses.
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Kiểm tra công khai TTHC',
    description: 'Kiểm tra trang thủ tục hành chính có công khai đủ các bộ phận theo quy định.',
    default_locale: undefined,
    // No host permission and no declared content script: the audit and overlay scripts are injected
    // into the active tab on demand (activeTab + scripting); storage keeps the options and history.
    // Batch audit: alarms wake the service worker to resume a running batch after it was stopped;
    // unlimitedStorage lets a queue of thousands of page reports outgrow storage.local's 10 MB.
    // Neither shows a warning at install.
    permissions: ['activeTab', 'scripting', 'storage', 'alarms', 'unlimitedStorage', ...(browser === 'chrome' ? ['sidePanel'] : [])],
    // Asked at run time only: for one origin, a national-record source whose server does not allow
    // the extension by CORS; for a batch audit, the origins of its pages, when the auditor starts it.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: 'Kiểm tra công khai TTHC' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'tthc-audit@tthc-feedback.local', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
  vite: () => ({ plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })] }),
});
