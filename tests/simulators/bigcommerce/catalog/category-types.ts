/** Category Trees API shapes (category-trees_catalog.v3.yml). */
export interface CategoryTree {
  id: number;
  name: string;
  channels: number[];
}

export interface Category {
  category_id: number;
  category_uuid: string;
  tree_id: number;
  /** 0 for a top-level category. */
  parent_id: number;
  name: string;
  description: string;
  views: number;
  sort_order: number;
  page_title: string;
  meta_keywords: string[];
  meta_description: string;
  layout_file: string;
  image_url: string;
  is_visible: boolean;
  search_keywords: string;
  default_product_sort: string;
  url: { path: string; is_customized: boolean };
}
