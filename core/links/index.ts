export { linkIndexOf, resolveLink, resolveSiteRoute, parseLocalUrl, joinPath, dirnameOf, relativeLink, type LinkIndex, type Resolution } from './resolve.js';
export { inboundLinksOf, referrersOf, linkKey, linkKeysOf } from './graph.js';
export { closest, editDistance } from '../suggest.js';
export { checkAnchor } from './anchors.js';
export { outsideLinksOf, type OutsideLinks } from './outside.js';
