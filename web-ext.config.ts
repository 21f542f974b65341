// `wxt` dev mode must not try to open a browser on headless machines.
import { defineWebExtConfig } from 'wxt';
export default defineWebExtConfig({ disabled: true });
