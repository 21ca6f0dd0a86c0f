export * from '../../feeds/src/columnar/bar-columns.js';
export * from '../../feeds/src/columnar/columnar-feed.js';
export * from '../../feeds/src/features/precomputed-feature-provider.js';
export * from '../../feeds/src/synthetic/generate-market.js';
export * from '../../feeds/src/synthetic/market-options.js';
export * from '../../feeds/src/synthetic/synthetic-market.js';
