/** 产品 (catalog) in Simplified Chinese. */
export const catalog = {
  productPlaceholder: '输入 SKU 或名称搜索产品',
  noProduct: '没有找到产品',
};
