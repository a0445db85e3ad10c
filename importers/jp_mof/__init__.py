"""Japan, Ministry of Finance: the asset-freeze list (資産凍結等経済制裁対象者リスト), xlsx."""
