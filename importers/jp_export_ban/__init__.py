"""Japan: the export-ban lists of Russian, Belarusian and third-country entities
(輸出等に係る禁止措置の対象となる団体), from METI's PDFs."""
