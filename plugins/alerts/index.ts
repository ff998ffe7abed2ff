/**
 * Alerts as code on the site: the remark plugin that places a system's
 * alert table where a doc writes `::alerts{system="..."}`. The alerts
 * themselves come from plugins/site-data (core/site/alerts.ts), the
 * "Alerts that open this page" lists from each doc's metadata (plugins/docs).
 */
export { default as remarkAlerts, ALERTS_TABLE_ELEMENT } from './remark.js';
