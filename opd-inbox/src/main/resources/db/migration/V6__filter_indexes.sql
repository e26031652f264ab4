-- Staff filter their inbox by category and region all day. Without these, a rare combination
-- walks the whole OPD (138 ms at 50k complaints per OPD, docs/benchmarks.md).
create index complaint_opd_category_region on complaint (opd_code, category, region_code, routed_at desc, id desc);
create index complaint_opd_region on complaint (opd_code, region_code, routed_at desc, id desc);
