"""Key-number labels (issue #16), one named row per failure class, from sentences written
for this table in the style of zone reports: whole words from the segmenter, the measured
noun nearest the figure, not a neighbouring company, and a change labelled as a change.

Labels are read as the app reads them (``annotate``: the names are found first, and a company
or a person found there never labels a figure)."""

from __future__ import annotations

import pytest

from reader.annotate import nlp
from reader.annotate.pipeline import annotate
from reader.model import Article, Block, Source

CASES: dict[str, tuple[str, str, str]] = {
    # name: (sentence, figure, label)
    "suffix-of-a-compound": ("全年合同签约额达 120 亿元。", "120 亿元", "合同签约额"),
    "two-lone-characters": ("亩均产值提高到 500 万元。", "500 万元", "亩均产值"),
    "raised-to-is-a-level": ("亩均税收达到 30 万元。", "30 万元", "亩均税收"),
    "count-of-zones": ("全省共有国家级高新区 18 个。", "18 个", "全省国家级高新区"),
    "increase-is-a-change": ("全区营收增加 350 亿元，总量居全省第一。", "350 亿元", "全区营收增加"),
    "decrease-is-a-change": ("出口额同比减少 5.2%。", "5.2%", "出口额减少"),
    "growth-of-the-noun-before": ("全区营收达 800 亿元，同比增长12.5%。", "12.5%", "全区营收增长"),
    "list-of-growths": ("三大产业产值分别同比增长 6.5%、12.8%。", "12.8%", "三大产业产值增长"),
    # (the measured thing, with the company whose it is: never the company alone)
    "the-company-and-its-measure": ("华为公司投资 20 亿元建设研发基地。", "20 亿元",
                                    "华为公司投资"),
    "noun-after-the-money": ("企业累计完成超 3 亿元股权融资。", "3 亿元", "累计股权融资"),
    "fund-after-the-money": ("高新区设立 2 亿元天使投资基金。", "2 亿元", "天使投资基金"),
    "verb-after-the-money": ("该项目总投资 15 亿元建设智能工厂。", "15 亿元", "项目总投资"),
    "aside-in-brackets": ("园区生产总值（GDP）达到 3000 亿元。", "3000 亿元", "园区生产总值"),
    "share-of-a-place": ("高新技术产业增加值占全市 45%。", "45%", "高新技术产业增加值占全市"),
    "qualifier-words-trimmed": ("两个园区总投资额将会不少于 80 亿元。", "80 亿元", "园区总投资额"),
    "counted-noun-ends-at-an-adverb": ("全区 5 项指标均居全省第一。", "5 项", "指标"),
    "growth-after-a-list-comma": ("实现地区生产总值 900 亿元、增长 8.1%。", "8.1%",
                                  "地区生产总值增长"),
    "lead-over-a-place": ("GDP增速达 9.5%，高于全市 1.2 个百分点。", "1.2 个百分点", "高于全市"),
    # A quantity after 年产 is what a plant can make in a year: a capacity, said so.
    "capacity-of-the-product": ("新建年产 500 万平方米的光伏玻璃生产线。", "500 万平方米",
                                "光伏玻璃生产线年产能"),
    # (the size class is what is counted: 3 个产业集群 would read as all the zone has)
    "scale-word-before-the-noun": ("全区形成 3 个千亿级产业集群。", "3 个", "千亿级产业集群"),
    "object-of-a-verb": ("全区数字经济实现收入 2000 亿元，增长 15%。", "15%", "收入增长"),
    "noun-after-de": ("每年设立 3000 万元的产业发展资金。", "3000 万元", "产业发展资金"),
    "rose-to-is-a-level": ("园区国家级孵化器增至 5 家。", "5 家", "园区国家级孵化器"),
    "counted-noun-with-a-modifier": ("园区共有 759 名在职党员参加培训。", "759 名", "在职党员"),
    "counted-noun-not-the-verb-after": ("千名党员同温入党誓词。", "千名", "党员"),
    "counted-noun-after": ("新签约 10 家天使子基金。", "10 家", "天使子基金"),
    # A phrase keeps its head when it is long: words go from its start, not its end.
    "long-phrase-keeps-its-head": ("新设立 2 亿元的生物医药产业发展引导基金。", "2 亿元",
                                   "产业发展引导基金"),
    "verb-inside-a-product-name": ("项目建成后年产 3 万吨锂电池回收材料。", "3 万吨",
                                   "项目预计年产锂电池回收材料"),
    "product-name-not-cut-at-a-budget": ("年产 2000 吨医用防护口罩熔喷布。", "2000 吨",
                                         "年产医用防护口罩熔喷布"),
    "verbal-head-after-de": ("给予最高 300 万元的技改贴息。", "300 万元", "技改贴息"),
    "prefix-character-kept": ("全区大健康产业规模达 80 亿元。", "80 亿元", "大健康产业规模"),
    # Qualifiers are trimmed as whole tokens: 平均 is not 平 + the adverb 均.
    "qualifier-trimmed-by-whole-tokens": ("全区规上工业增加值两年平均增长 9.6%。", "9.6%",
                                          "规上工业增加值平均增长"),
    "four-words-within-the-budget": ("园区一般公共预算收入实现 36.5 亿元。", "36.5 亿元",
                                     "园区一般公共预算收入"),
    "a-noun-ending-in-a-measure-word": ("商业化落地 3000 台无人车。", "3000 台", "无人车"),
    "verb-after-counted-people": ("吸引超 200 位专家学者齐聚。", "200 位", "专家学者"),
    "change-after-a-change-of-the-same-noun": (
        "园区规上工业增加值同比增长 8.5%，两年平均增长 6.1%。", "6.1%", "规上工业增加值平均增长"),
    "modal-verb-trimmed": ("新工厂建成后年产值可达 25 亿元。", "25 亿元", "预计年产值"),
    "prefix-does-not-take-a-time-word": ("力争 3年内主园区工业总产值超 800 亿元。", "800 亿元",
                                         "主园区工业总产值目标"),
    "time-clause-before-the-noun": ("项目投产后年销售收入将超 15 亿元。", "15 亿元",
                                    "项目预计销售收入"),
    # Generic measures take what they are of.
    # (too long with its whole: the subject stays whole and the share is 占比)
    "generic-measure-takes-its-noun": ("高技术制造业增加值占规上工业的比重为 38.6%。", "38.6%",
                                       "高技术制造业增加值占比"),
    "a-ratio-of-an-amount-named-by-its-verb": ("企业研发投入占比达 4.2%。", "4.2%",
                                               "企业研发投入占比"),
    "generic-measure-after-a-verbal-noun": ("全区软件业务收入规模突破 360 亿元。", "360 亿元",
                                            "软件业务收入规模"),
    "generic-measure-of-a-kind-of-company": ("营收远超集团子公司均值 3.1 亿元。", "3.1 亿元",
                                             "子公司均值"),
    "time-word-inside-the-phrase": ("文旅产业全年营收达 86 亿元。", "86 亿元", "文旅产业营收"),
    "a-kind-of-company-is-counted": ("园区拥有境内外上市公司 16 家。", "16 家", "境内外上市公司"),
    # Names are not what a figure measures.
    "amount-before-beats-a-company-after": ("总投资 12 亿元的星海光电显示模组项目开工。", "12 亿元",
                                            "总投资"),
    # (never the company alone; the measure, with the company whose it is)
    "company-before-a-modal-verb": ("中化集团拟投资 30 亿元建设研究院。", "30 亿元",
                                    "中化集团投资"),
    "place-alone-is-not-what-is-counted": ("园区累计引进科技企业 460 家（松江 180 家）。", "180 家",
                                           "松江累计引进科技企业"),
    # The counted noun, past what describes it.
    "counted-noun-past-de": ("签约 8 家人工智能方向的软件企业。", "8 家", "签约软件企业"),
    "counted-noun-after-a-relative-clause": ("引进 3 家拥有自主知识产权的企业。", "3 家",
                                             "引进企业"),
    "rank-before-the-counted-noun": ("引进 6 家全省前10强物流企业。", "6 家", "全省物流企业"),
    # Lists: both conjuncts, one noun per figure after 分别, or a noun the figures share.
    "two-conjuncts": ("改造仓储用房及办公楼 3 万平方米。", "3 万平方米", "仓储用房及办公楼"),
    "paired-list-first": ("新材料、生物医药产业产值分别增长 12.3%、9.8%。", "12.3%",
                          "新材料产值增长"),
    "paired-list-second": ("新材料、生物医药产业产值分别增长 12.3%、9.8%。", "9.8%",
                           "生物医药产业产值增长"),
    "paired-list-joined-by-he": ("规上工业增加值和固定资产投资分别增长 7.5% 和 11.2%。", "11.2%",
                                 "固定资产投资增长"),
    "noun-shared-after-fenbie": ("东区、西区分别拥有省级工程技术中心 9 家和 6 家。", "6 家",
                                 "省级工程技术中心"),
    "paired-places-share-the-measure": ("东区、西区营收分别为 120 亿元和 85 亿元。", "120 亿元",
                                        "东区营收"),
    "products-listed-before-their-head": ("项目建成后年产 8000 吨果汁、茶饮料、乳饮料生产线。",
                                          "8000 吨", "果汁、茶饮料、乳饮料生产线年产能"),
    "not-a-list-of-products": ("项目年产 5 万吨聚酯切片、年产 3 万吨涤纶长丝。", "5 万吨",
                               "年产聚酯切片"),
    "each-figure-its-own-noun": ("园区新增国家级孵化器 3 家和省级众创空间 7 家。", "7 家",
                                 "省级众创空间"),
    "postposition-after-the-counted-noun": (
        "本次开工的 12 个项目中，制造业项目过半。", "12 个", "开工项目"),
    "adverb-after-the-counted-noun": ("园区 4 支基金先后完成备案。", "4 支", "基金"),
    "preposition-after-the-counted-noun": ("入围的 9 个项目经过三轮评审。", "9 个", "项目"),
    "unseen-word-before-the-head": ("园区 7 家人才科创企业获评瞪羚企业。", "7 家", "人才科创企业"),
    "scale-of-what-follows": (
        "带动社会资本形成 200 亿元规模的基金集群。", "200 亿元", "基金集群规模"),
    "from-amount-of-a-rise": (
        "企业注册资本从 500 万元增加到 3000 万元。", "500 万元", "企业注册资本"),
    "to-amount-of-a-rise": (
        "企业注册资本从 500 万元增加到 3000 万元。", "3000 万元", "企业注册资本"),
    "a-bare-kind-of-company-counted": ("园区已引入甲乙电子等 4 家公司。", "4 家", "公司"),
    "lead-over-a-whole": (
        "园区发明专利授权量的增长比全省高出 12.4 个百分点。", "12.4 个百分点",
        "发明专利授权量增长比全省高出"),
    "multiple-of-a-whole": (
        "园区每万人拥有有效发明专利 86 件，是全市的 3.2 倍。", "3.2 倍", "有效发明专利是全市的"),
    "share-of-things-after-it": (
        "园区聚集了全市近 60% 的省级重点实验室。", "60%", "省级重点实验室占全市"),
    "share-of-things-after-it-no-whole": ("孵化器内超过 85% 的企业获得了专利。", "85%", "企业占比"),
    "a-share-that-rose": (
        "园区生产总值占全市GDP的 18.5%，比上年提高 1.2 个百分点。", "1.2 个百分点",
        "园区生产总值占全市GDP提高"),
    "jobs-counted-by-a-verb-phrase": ("全年实现收入 8.5 亿元，安排就业 1.6 万人。", "1.6 万人",
                                      "安排就业"),
    "share-of-a-long-subject-from-the-clause-before": (
        "全市国家级开发区地区生产总值达 5200 亿元，占全市GDP的 46.5%。", "46.5%",
        "地区生产总值占全市GDP"),
    "land-use-names-the-area": ("项目计划总投资 30 亿元，占地 124 亩。", "124 亩", "占地面积"),
    "how-the-money-came-is-not-the-label": (
        "园区在孵企业累计获得投融资 85 亿元。", "85 亿元", "累计投融资"),
    "a-share-that-rose-over-last-year": (
        "园区生产总值占全市比重较上年提高超 1 个百分点。", "1 个百分点", "占全市比重提高"),
    "kept-is-not-the-label": ("研发经费占GDP比例始终保持 6% 以上。", "6%", "研发经费占GDP比例"),
    "a-goal-is-labelled-as-one": (
        "到2025年，力争园区营业收入达到 3000 亿元。", "3000 亿元", "园区营业收入目标"),
    "figure-in-brackets": ("园区新增科技企业数量（6 家）居全市第一。", "6 家", "科技企业数量"),
    "a-second-share-of-the-same-noun": (
        "全年专利授权量达 9200 件，专利授权量占全市的 15.2%，占全省的 3.6%。", "3.6%",
        "专利授权量占全省"),
    "a-share-after-a-growth": (
        "园区工业增加值完成 86 亿元，同比增长 6%，占全市的 38%。", "38%",
        "园区工业增加值占全市"),
    "a-bare-share-of-the-clause-before": (
        "企业专利授权量达 6400 件，占比为 92.3%。", "92.3%", "企业专利授权量占比"),
    "ordinal-after-the-counted-noun": (
        "园区 12 家高新技术企业第二次入选全省百强。", "12 家", "全省百强高新技术企业"),
    "a-year-is-when-not-what": ("2024年度专利授权量达 5100 件。", "5100 件", "专利授权量"),
    "pairs-written-across-clauses": (
        "园区高新技术企业达 860 家，科技型中小企业达 1200 家，分别增长 18% 和 25%。", "18%",
        "园区高新技术企业增长"),
    "pairs-written-across-clauses-second": (
        "园区高新技术企业达 860 家，科技型中小企业达 1200 家，分别增长 18% 和 25%。", "25%",
        "科技型中小企业增长"),
    "a-new-count-is-a-flow": (
        "今年园区新增 6 家上市公司，上市公司数量达到 41 家。", "6 家", "新增上市公司"),
    "a-share-by-zhan-dao": (
        "园区上市公司数量达到 41 家，占到全市约 5 成。", "5 成", "园区上市公司数量占到全市"),
    "a-new-item-after-a-conjunction": (
        "建设 2000 平方米的商务中心和约 3.6 万平方米人才公寓。", "3.6 万平方米", "人才公寓"),
    "an-item-before-a-conjunction": (
        "建设 2000 平方米的商务中心和约 3.6 万平方米人才公寓。", "2000 平方米", "商务中心"),
    "a-span-of-time-is-not-the-label": (
        "全区财政收入四年时间增长了 9 倍。", "9 倍", "全区财政收入增长"),
    "which-money": ("全区签约资金 120 亿元，到位资金 45 亿元。", "120 亿元", "签约资金"),
    "total-of-what-the-clause-before-counted": ("今年新增高新技术企业 120 家，总数达到 860 家。",
                                                "860 家", "高新技术企业总数"),
    "share-of-what-the-clause-before-counted": (
        "园区拥有孵化器 18 家，其中国家级孵化器 6 家、占全省 20%。", "20%", "国家级孵化器占全省"),
    "share-of-a-ratio-names-its-subject": (
        "战略性新兴产业产值占规模以上工业总产值比重 41.2%。", "41.2%",
        "战略性新兴产业产值占比"),
    "a-share-of-a-whole-named-by-its-scope": (
        "高新区生产总值占全市比重达到 31.5%。", "31.5%", "高新区生产总值占全市比重"),
    # Read across clauses: whose figure it is, and what a clause with no noun measures.
    "a-whole-wider-than-the-zone": (
        "2023年，全市预计实现地区生产总值5200亿元，增长6%左右。", "5200亿元",
        "预计全市地区生产总值"),
    "growth-of-a-wider-whole": (
        "2023年，全市预计实现地区生产总值5200亿元，增长6%左右。", "6%", "全市地区生产总值增长"),
    "a-clause-of-verbs-measures-the-noun-before": (
        "同样从零起步的跨境电商出口，则达到了36.5亿元。", "36.5亿元", "跨境电商出口"),
    "an-area-of-the-thing-named-before": (
        "园区又启动了科创中心三期建设项目，总计12万平方米。", "12万平方米",
        "科创中心三期建设项目面积"),
    "a-share-past-a-time-word": (
        "跨境电商出口达36.5亿元，占同期园区出口值的21%。", "21%", "跨境电商出口占园区出口值"),
    "a-building-verb-names-the-area": (
        "全年新开工建筑面积80万平方米，竣工42.6万平方米。", "42.6万平方米", "竣工面积"),
    "a-completion-rate": (
        "区级财政收入完成全年预算的112%，比上年增长18%。", "112%", "区级财政收入完成全年预算"),
    "growth-after-a-completion-rate": (
        "区级财政收入完成全年预算的112%，比上年增长18%。", "18%", "区级财政收入增长"),
    "zai-and-a-verb-describe-the-noun": (
        "目前，园区在孵企业420家、毕业企业96家。", "420家", "园区在孵企业"),
    "counted-things-described-before-them": (
        "208家以集成电路、软件、人工智能为主的高新技术企业集聚于此。", "208家", "高新技术企业"),
    "a-multiple-with-its-subject": (
        "园区单位面积产出是全省平均水平的3.4倍。", "3.4倍", "单位面积产出是全省平均的"),
    "a-share-whose-subject-opens-the-clause-before": (
        "电子信息产业一业独大，占工业总产值的71.5%。", "71.5%", "电子信息产业占工业总产值"),
    "a-list-sharing-the-noun-after-de": (
        "其中，东区同比增长35.0%，西区同比增长88.1%，分别以512件、236件的申请量位居全市前列。",
        "512件", "东区申请量"),
    "a-list-sharing-the-noun-after-de-second": (
        "其中，东区同比增长35.0%，西区同比增长88.1%，分别以512件、236件的申请量位居全市前列。",
        "236件", "西区申请量"),
    "a-level-after-its-growth": (
        "2019年，全区规模以上工业总产值增长18.4%，达到96.2亿元。", "96.2亿元",
        "规模以上工业总产值"),
    "a-rank-class-in-the-noun": ("园区现有世界500强企业28家。", "28家", "世界500强企业"),
    "a-class-of-companies": ("园区有战略性新兴产业类企业41家。", "41家", "战略性新兴产业类企业"),
    "a-threshold-of-the-counted-things": (
        "园区年销售收入过100亿元的企业4家、过50亿元的企业7家。", "7家", "过50亿元企业"),
    "a-threshold-written-with-yishang": ("全区10亿元以上项目96个。", "96个", "10亿元以上项目"),
    "a-figure-of-one-phase": (
        "该项目分两期开发建设，一期占地面积158.2亩，总占地面积312亩。", "158.2亩",
        "项目一期占地面积"),
    "a-phase-opened-by-qizhong": ("其中一期投资12亿元，主要建设研发中心。", "12亿元", "一期投资"),
    "a-verb-before-a-total-is-no-part-of-it": (
        "全区集中开工总投资860亿元的45个重点项目。", "860亿元", "重点项目总投资"),
    "an-adverb-after-the-counted-noun": (
        "已纳入规上统计的26家企业预计完成产值30亿元。", "26家", "企业"),
    "a-lead-before-is-no-owner-of-a-share": (
        "园区增速高于全国平均增速3.1个百分点，占全省生产总值比重12.6%。", "12.6%",
        "占全省生产总值比重"),
    "a-completion-rate-of-the-clause-before": (
        "全区工业产值41.2亿元，同比增长21.5%，完成年度任务26.8%。", "26.8%",
        "全区工业产值完成年度任务"),
    "progress-of-a-work": ("项目一期工程总工程量已经完成70%。", "70%", "一期工程总工程量完成进度"),
    "a-projection-once-built": (
        "产业园建成后预计年销售收入150亿元，可容纳产业工人8000人左右。", "150亿元", "预计销售收入"),
    "multiples-of-a-list-before": (
        "2010年，园区技工贸总收入、工业总产值、出口创汇，分别是2005年的4.2倍、3.6倍和5.1倍。",
        "3.6倍", "工业总产值是2005年的"),
    "time-words-between-noun-and-figure": (
        "全区软件和信息技术服务业业务收入全年完成116.8亿元，同比增长22.7%。", "116.8亿元",
        "服务业业务收入"),
    "a-first-time-adverb-is-trimmed": (
        "全区财政一般预算收入首次突破百亿元大关。", "百亿元", "财政一般预算收入"),
    "a-multiple-reached-with-zhi": (
        "企业研发投入强度提升至行业均值的1.8倍。", "1.8倍", "企业研发投入强度是行业均值的"),
    "a-share-of-a-citywide-whole": (
        "新认定企业实现总产值210.12亿元，占全市高新技术企业总产值的12.5%。", "12.5%",
        "占全市高新技术企业总产值"),
    "a-rise-to-a-level-is-no-change": (
        "三大主导产业产值占工业产值比重上升至78.35%。", "78.35%", "三大主导产业产值占比"),
    "new-ones-written-before-de": (
        "去年新认定的高新技术企业111家，实现总产值210亿元。", "111家", "新认定高新技术企业"),
    "the-output-of-the-new-ones": (
        "去年新认定的高新技术企业111家，实现总产值210亿元。", "210亿元",
        "新认定高新技术企业总产值"),
    # A size changed to a new one is the new level; a push to growth is no growth rate.
    "a-size-adjusted-to-is-the-new-level": (
        "经省政府批准，园区规划面积调整为 62 平方公里。", "62 平方公里", "园区规划面积"),
    "a-push-to-growth-is-not-the-growth": (
        "新投产项目拉动全区规上工业增加值增长 3.1 个百分点。", "3.1 个百分点",
        "拉动规上工业增加值增长"),
    # A project named before an aside owns the measures after it, and its projection.
    "a-project-named-before-an-aside": (
        "鑫达正极材料产业园项目（年产8万吨前驱体材料），总投资35亿元，项目建成后，将新增产值100亿元。",
        "35亿元", "鑫达正极材料产业园项目总投资"),
    "a-projects-projection-after-its-aside": (
        "鑫达正极材料产业园项目（年产8万吨前驱体材料），总投资35亿元，项目建成后，将新增产值100亿元。",
        "100亿元", "鑫达正极材料产业园项目预计新增产值"),
    "a-class-of-a-bare-head-keeps-its-event": (
        "今年新签约亿元以上浙商项目 56 个。", "56 个", "新签约亿元以上浙商项目"),
    # A sentence that opens with 项目 or 该项目 is about the one project the sentence before named.
    "the-project-of-the-sentence-before": (
        "县政府与某某公司签约共建锦江文创产业园项目。该项目总投资 12 亿元。", "12 亿元",
        "锦江文创产业园项目总投资"),
    "two-projects-before-name-neither": (
        "甲乙产业园项目和丙丁基地项目同日开工。项目建成后，年产值 80 亿元。", "80 亿元",
        "项目预计年产值"),
    # A total after a list of counts is of them all, not of the last; a part's is the part's.
    "a-total-after-a-list-of-counts": (
        "新引进外资项目 52 个，增资项目 31 个，总投资 8.6 亿美元。", "8.6 亿美元", "总投资"),
    "a-total-after-a-part": (
        "共引进企业 40 家，其中引进医疗企业 12 家，总投资 20 亿元。", "20 亿元",
        "引进医疗企业总投资"),
    "a-place-after-the-counted-things": (
        "其余 31 个行业苏州均有布局。", "31 个", "行业"),
    # A goal runs on over the semicolons of its list; a target beaten (超计划目标) is none.
    "a-goal-over-semicolons": (
        "明年，园区将力争实现工业总产值420亿元；税收收入18亿元；固定资产投资95亿元。",
        "18亿元", "税收收入目标"),
    "a-target-beaten-is-no-goal": (
        "利用外资同比增长16%，超计划目标8.2%；全年新批外资企业48个，合同外资9.6亿美元。",
        "9.6亿美元", "合同外资"),
    # Statistical terms kept whole; an event before a list of names before the count.
    "foreign-capital-actually-received": (
        "全年合同外资2.3亿美元，实际到位外资8600万美元。", "8600万美元", "实际到位外资"),
    "an-event-before-a-list-of-names": (
        "园区先后引进甲乙、丙丁等 86 家外资企业。", "86 家", "先后引进外资企业"),
    # One project's figure names that project, the company in its name too.
    "a-named-projects-investment": (
        "其中，宏远智能装备产业园项目总投资 18 亿元。", "18 亿元", "宏远智能装备产业园项目总投资"),
    "a-named-projects-projection": (
        "金泰科创基地项目建成后预计年产值 12 亿元。", "12 亿元", "金泰科创基地项目预计年产值"),
    "two-projects-are-no-one-name": (
        "甲乙新材料和丙丁精密制造项目建成后预计年产值 30 亿元。", "30 亿元", "项目预计年产值"),
    "projects-of-an-event-are-no-name": (
        "此次集中开工的项目总投资 50 亿元。", "50 亿元", "项目总投资"),
    # Words right around a figure that say what it is.
    "a-goal-named-after-its-figures": (
        "园区锚定2027年引进亿元以上项目超80个、总投资超250亿元的奋斗目标。", "250亿元",
        "引进亿元以上项目总投资目标"),
    "a-share-in-a-goal-named-after-it": (
        "力争引进项目超60个、制造业占比超70%的发展目标。", "70%", "制造业占比目标"),
    "a-starting-value-is-that-years": (
        "开发区生产总值从2005年的4.6亿元增加到2020年的156亿元。", "4.6亿元",
        "2005年开发区生产总值"),
    "an-average-rise-is-a-change": (
        "开发区生产总值从2005年的4.6亿元增加到2020年的156亿元，年均递增28%。", "28%",
        "开发区生产总值年均递增"),
    "a-push-written-before-its-growth": (
        "园区完成产值120亿元，拉动全市规模以上工业3.2个百分点的增幅。", "3.2个百分点",
        "拉动规上工业增长"),
    "a-scrap-of-a-month-is-no-label": (
        "1-6月份形成产值52亿元，同比增长16%。", "52亿元", "形成产值"),
    "started-or-finished-is-one-event": (
        "当天，园区 9 个项目集中开竣工，总投资 86 亿元。", "9 个", "集中开竣工项目"),
    # The clause before may end with the counted noun and its event, after the count.
    "the-amount-of-projects-counted-before-their-event": (
        "45个重大项目集中开工，总投资额312亿元。", "312亿元", "集中开工重大项目总投资额"),
    "a-plan-of-the-firms-counted": (
        "当天首批签约入驻企业 16 家，计划新增总投资 98 亿元。", "98 亿元", "入驻企业计划总投资"),
    # Targets met are results: the figures after are no goals.
    "a-target-met-makes-no-goal": (
        "上半年，全区超额完成预定各项目标，实现营业收入 86 亿元。", "86 亿元", "营业收入"),
    "all-of-them-after-the-counted-noun": (
        "全市 8 个产业园区全部完成年度任务。", "8 个", "全市产业园区"),
    # A group's measures go on past the first (总投资…，年度计划投资…: still the group's).
    "a-groups-measures-go-on": (
        "此次集中开工项目 28 个，总投资 186 亿元，年度计划投资 42 亿元。", "42 亿元",
        "集中开工项目年度计划投资"),
    # Events counted by 场 or 次 are the events, not what their names hold.
    "events-are-counted-not-their-projects": (
        "园区先后举办 6 场重大项目集中签约活动。", "6 场", "重大项目集中签约活动"),
    # A class after the count stays with the counted things.
    "a-size-class-after-the-count": (
        "全市已形成 4 个千亿级产业集群。", "4 个", "全市千亿级产业集群"),
    "a-push-named-by-its-rate": (
        "新投产企业拉动规上工业产值增速 2.8 个百分点。", "2.8 个百分点", "拉动规上工业产值增速"),
    # A bare count of projects takes the event its sentence is about.
    "a-count-of-projects-takes-the-sentences-event": (
        "上午，开发区举行重大项目集中开工仪式，此次共有项目 36 个，总投资 218 亿元。", "36 个",
        "集中开工项目"),
    "this-signing-names-the-projects": (
        "本次签约共涉及项目 14 个，协议投资额 96 亿元。", "14 个", "签约项目"),
    "two-events-name-neither": (
        "园区举行项目集中开工、竣工仪式，共有项目 20 个。", "20 个", "项目"),
    "a-class-of-projects-with-no-digits": (
        "全年新签约项目 215 个，其中亿元以上项目 63 个。", "63 个", "新签约亿元以上项目"),
    # What a project will do once it runs is the project's, not the zone's.
    "a-projects-output-once-built": (
        "项目全部建成投产后，可实现年销售收入 26 亿元，新增就业岗位 1500 个。", "26 亿元",
        "项目预计销售收入"),
    "a-projects-jobs-once-built": (
        "项目全部建成投产后，可实现年销售收入 26 亿元，新增就业岗位 1500 个。", "1500 个",
        "项目预计新增就业岗位"),
    "the-zones-output-once-projects-are-built": (
        "随着这批项目建成投产后，全区工业总产值将达到 680 亿元。", "680 亿元",
        "预计全区工业总产值"),
    # A size or rank class of the counted things is part of what is counted.
    "a-size-class-stays-with-the-counted": (
        "园区已形成千亿级产业集群 2 个、百亿级企业 9 家。", "2 个", "千亿级产业集群"),
    "a-rank-class-stays-with-the-counted": (
        "全区拥有省级以上研发平台 73 个。", "73 个", "省级以上研发平台"),
    # An event named by what it does keeps its verbs.
    "an-event-keeps-what-it-does": (
        "上半年，开发区举办招商推介活动 18 场。", "18 场", "招商推介活动"),
    # 规模以上 said once is still of every later measure of the firms in the sentence.
    "above-scale-firms-carry-to-their-value-added": (
        "一季度，开发区规模以上工业企业完成工业总产值180亿元，工业增加值46亿元。", "46亿元",
        "规上工业增加值"),
    "above-scale-firms-carry-past-a-semicolon": (
        "全区规模以上企业实现营业收入286亿元，同比增长9%；利润总额17.5亿元，增长6.2%。",
        "17.5亿元", "规上企业利润总额"),
    "above-scale-firms-carry-to-a-growth-rate": (
        "1至9月，园区规上企业实现工业总产值318亿元，同比增长14.6%。", "14.6%",
        "规上工业总产值增长"),
    "the-whole-of-a-share-is-not-whose": (
        "电子信息产业产值92亿元，占规上工业总产值比重达61%；生物医药产业产值12亿元。",
        "12亿元", "生物医药产业产值"),
    "a-new-subject-ends-the-class": (
        "全市规模以上工业增加值增长7.5%，其中高新区工业增加值增长12.1%。", "12.1%",
        "高新区工业增加值增长"),
    "a-hope-is-a-target": (
        "园区希望在2025年工业总产值突破600亿元，税收收入超过20亿元。", "20亿元", "税收收入目标"),
    "the-things-that-make-up-a-whole-are-counted": (
        "园区已建成17个国家级工作站及分站组成的创新矩阵。", "17个", "国家级工作站"),
    "the-total-of-the-group-counted-before": (
        "其中，技改项目2个，总投资2.8亿元；新建项目9个，总投资96.5亿元。", "96.5亿元",
        "新建项目总投资"),
    "a-count-with-only-a-verb": (
        "全年开工项目46个，总投资180亿元，竣工27个，总投资105亿元。", "27个", "竣工项目"),
    "the-total-of-a-count-with-only-a-verb": (
        "全年开工项目46个，总投资180亿元，竣工27个，总投资105亿元。", "105亿元", "竣工项目总投资"),
    "a-running-total": (
        "入驻项目累计完成固定资产投资额40.4亿元。", "40.4亿元", "累计固定资产投资额"),
    "a-running-total-since-a-year": ("自2013年以来，园区已完成投资83亿元。", "83亿元", "累计投资"),
    "the-years-investment": (
        "其中：工业项目11个，年度投资21.8亿元。", "21.8亿元", "工业项目年度投资"),
    "a-completion-rate-of-the-count-before": (
        "园区已引进新型产业技术研究机构15家，完成全年目标任务的75%。", "75%",
        "技术研究机构完成全年目标任务"),
    # The part or party a clause opens with says whose figure it is.
    "a-part-of-the-zone-opens-the-clause": (
        "按区域划分，北区完成地区生产总值207.09亿元，南区完成251.18亿元。", "207.09亿元",
        "北区地区生产总值"),
    "a-sector-opens-the-clause": (
        "第三产业实现增加值154亿元，增长12.5%。", "154亿元", "第三产业增加值"),
    "a-company-opens-the-clause-before-a-time-word": (
        "江苏恒瑞医药股份有限公司去年实现营收56亿元。", "56亿元", "江苏恒瑞医药营收"),
    # What happened to the counted things stays: signed, started, brought in.
    "projects-signed": ("今年以来，高新区新签约项目38个，总投资达120亿元。", "38个", "新签约项目"),
    "the-total-of-the-projects-signed": (
        "今年以来，高新区新签约项目38个，总投资达120亿元。", "120亿元", "新签约项目总投资"),
    "projects-started-of-a-size-class": (
        "全年新开工亿元以上项目12个，完成固定资产投资86亿元。", "12个", "新开工亿元以上项目"),
    "a-running-count-of-projects-brought-in": (
        "截至目前，园区累计引进项目210个，累计完成投资460亿元。", "210个", "累计引进项目"),
    "the-verb-of-the-count-not-twice": (
        "现场签约项目21个，签约资金104亿元。", "104亿元", "项目签约资金"),
    # An amount before a 的 describes the project or park after it.
    "the-project-an-amount-describes": (
        "总投资15亿元的新能源电池项目正式开工。", "15亿元", "新能源电池项目总投资"),
    "a-preposition-glued-before-the-measure": (
        "在总投资达八亿元的江北新材料产业园内，工人们正在安装设备。", "八亿元",
        "江北新材料产业园总投资"),
    "a-threshold-names-no-project": (
        "园区推进10个投资超20亿元的重大产业项目建设。", "20亿元", "投资"),
    # A clause that is only a project's name gives the project of the measures after it.
    "the-project-named-in-the-clause-before": (
        "智能制造产业园，总投资12亿元，占地面积300亩。", "12亿元", "智能制造产业园总投资"),
    "the-project-of-a-chain-of-measures": (
        "智能制造产业园，总投资12亿元，占地面积300亩。", "300亩", "智能制造产业园占地面积"),
    "the-phrase-at-the-end-of-a-clause-of-doings": (
        "全区加快推进重点项目，总投资500亿元。", "500亿元", "重点项目总投资"),
    "where-a-project-is-names-no-owner": (
        "该项目位于滨江化工园，总占地面积800亩。", "800亩", "项目总占地面积"),
    # Terms of economic statistics stay whole.
    "disposable-income-per-head": (
        "城镇居民人均可支配收入达到3.5万元，增长7.6%。", "3.5万元", "城镇居民人均可支配收入"),
    "intended-not-done": ("目前意向入驻企业超过20家。", "20家", "意向入驻企业"),
    "a-share-named-alone-rose": (
        "园区招商项目到位资金同比增长19.3%，占比30.8%，较上年提高4.5个百分点。", "4.5个百分点",
        "招商项目到位资金占比提高"),
    "above-designated-size": (
        "全区完成规模以上工业总产值860亿元。", "860亿元", "规模以上工业总产值"),
    "foreign-direct-investment": (
        "开发区利用外商直接投资达到5亿美元。", "5亿美元", "利用外商直接投资"),
    "each-city-of-a-list-is-named": (
        "全省共签约项目120个。其中，太原市签约项目15个，总投资120亿元；大同市签约项目12个，"
        "总投资95亿元。", "120亿元", "太原市签约项目总投资"),
    "local-fiscal-revenue": ("全区完成地方级财政收入12.5亿元。", "12.5亿元", "地方级财政收入"),
    "a-result-measured-against-its-target": (
        "全年储备项目4个，占目标任务2个的200%，总投资达136.37亿元。", "136.37亿元", "总投资"),
    "a-plan-is-no-result": ("今年园区计划实现营业收入80亿元。", "80亿元", "计划营业收入"),
    "a-projection-listed-after-a-figure-of-the-same-digits": (
        "项目总投资35亿元，达产后可实现年产值80亿元、税收5亿元。", "5亿元", "项目预计税收"),
    "new-jobs": ("全年新增就业岗位1.2万个。", "1.2万个", "新增就业岗位"),
    "a-sentence-about-the-project": (
        "该项目由某集团投资建设，总投资35亿元，预计2026年建成投产。", "35亿元", "项目总投资"),
    "a-sentence-about-the-company": (
        "该公司今年上半年实现销售收入8.6亿元，同比增长35%。", "8.6亿元", "公司销售收入"),
    # A company's figures say whose: the company opening the clause, a description of it
    # before its name, or the company a later sentence points back to (该公司, 公司).
    "a-company-then-its-measure": ("江苏恒瑞医药股份有限公司去年研发投入达到62亿元。", "62亿元",
                                   "江苏恒瑞医药研发投入"),
    "a-firm-described-before-its-name": (
        "其中，园区龙头企业华为技术有限公司实现营业收入120亿元。", "120亿元", "华为技术营业收入"),
    "a-company-pointed-back-to": (
        "苏州纳芯微电子股份有限公司（以下简称“纳芯微”）是一家芯片设计企业。"
        "该公司今年上半年实现销售收入8.6亿元。", "8.6亿元", "纳芯微销售收入"),
    "a-company-named-the-sentence-before": (
        "江苏恒瑞医药股份有限公司位于园区东部。公司今年新申请专利120项。", "120项",
        "江苏恒瑞医药新申请专利"),
    # A range of amounts before the counted noun is a class of them, counted.
    "a-range-is-a-class": ("其中，20-50亿元项目3个，10-20亿元项目5个。", "3个", "20-50亿元项目"),
    # What the counted things are like may stand between the count and them.
    "counted-things-described": (
        "其中，高新区有17个带动能力强、经济效益好的重大项目集中开工，总投资76.6亿元。", "17个",
        "集中开工重大项目"),
    "a-total-of-described-things": (
        "其中，高新区有17个带动能力强、经济效益好的重大项目集中开工，总投资76.6亿元。",
        "76.6亿元", "集中开工重大项目总投资"),
    # A region is where the counted things are, not what is counted.
    "a-region-of-a-count": ("全国国家级新区数量达到19个，其中东部地区8个、西部地区7个。", "7个",
                            "西部地区国家级新区"),
    "a-scope-then-a-verb": ("全省共有省级开发区120家。", "120家", "全省省级开发区"),
    # The counts listed after a count keep its event, when they name only what they count.
    "a-listed-count-keeps-the-event": (
        "今年新区引进百亿元以上项目18个，世界500强企业34家。", "34家", "引进世界500强企业"),
    "a-part-keeps-the-event": ("全区新开工项目22个，其中产业项目15个。", "15个", "新开工产业项目"),
    "a-firm-is-never-finished": ("全区竣工项目15个，规上企业120家。", "120家", "规上企业"),
    # 建设 right before 项目 is part of the project's name.
    "a-project-named-with-construction": ("宏达新型墙体材料建设项目总投资3亿元。", "3亿元",
                                          "宏达新型墙体材料建设项目总投资"),
    # Parts of a count told apart by how, listed after 其中; the total after is the whole's.
    "parts-by-how": ("集中签约项目20个，其中现场签约14个、云签约6个，协议总投资80亿元。", "6个",
                     "云签约项目"),
    "a-total-after-the-parts": (
        "集中签约项目20个，其中现场签约14个、云签约6个，协议总投资80亿元。", "80亿元",
        "签约项目协议总投资"),
    # A share's change in points is the share's.
    "a-share-then-its-change": (
        "园区研发投入占营业收入比重达到5.2%，较上年提高0.8个百分点。", "0.8个百分点",
        "园区研发投入占营业收入比重提高"),
    # One project's figures name it; a name too long for a label by its company and kind.
    "a-long-project-name-by-its-company": (
        "其中，宁德时代新能源动力电池及储能系统产业园项目计划用地500亩，预计年销售收入80亿元。",
        "80亿元", "宁德时代新能源产业园项目预计销售收入"),
    # 该园区 in the sentence after a park was named is that park.
    "the-park-named-before": (
        "其中，芙蓉生物医药产业园是新区布局大健康的重要载体。该园区规划面积约6平方公里。",
        "6平方公里", "芙蓉生物医药产业园规划面积"),
    "the-story-zone-is-no-park-named-before": (
        "园区今年实现产值120亿元。该园区规划面积20平方公里。", "20平方公里", "园区规划面积"),
    # Of whatever kinds: 各类 is no part of the counted noun.
    "of-all-kinds": ("全区全年举办各类招商活动120场。", "120场", "招商活动"),
    # The rate another's beat is that whole's rate, not a lead over it.
    "the-rate-it-beat": ("园区营收同比增长30%，大幅高于全省8.1%的增速。", "8.1%", "全省增速"),
    # Counted up to now and written as done: all so far, not this year's.
    "all-so-far": ("截至目前，园区已引进世界500强企业34家，中国500强企业38家。", "38家",
                   "累计引进中国500强企业"),
    "this-year-so-far": ("今年以来，园区已签约项目37个。", "37个", "签约项目"),
    "the-total-of-all-so-far": ("截至目前已开工建设重点项目102个，总投资1168亿元。", "1168亿元",
                                "开工建设重点项目总投资"),
    # The event written before a count whose noun follows it (签约 12 个项目): signed.
    "an-event-before-the-count": ("全区签约12个项目，总投资45亿元。", "12个", "签约项目"),
    "a-size-of-the-counted-things": ("全区签约3个10亿元项目，总投资45亿元。", "45亿元",
                                     "签约10亿元项目总投资"),
    "a-size-class-is-no-amount": ("园区拥有5家百亿元企业。", "5家", "百亿元企业"),
    "local-level-revenue": ("新区一般公共预算地方级收入210.3亿元。", "210.3亿元", "地方级收入"),
    "a-scope-said-once": ("全市工业园区平均投资强度232万元/亩。", "232万元",
                          "全市工业园区平均投资强度"),
    "a-multiple-of-the-count-before": ("至去年底，园区累计新设企业2.1万户，是建区前十年的3.5倍。",
                                       "3.5倍", "累计新设企业是建区前十年的"),
    "parts-in-the-sentence-after": (
        "活动现场签约项目16个。其中，产业类项目10个、人才类项目6个，总投资达17亿元。", "17亿元",
        "签约项目总投资"),
    "a-threshold-before-big-projects": (
        "新引进项目50个，其中超10亿元大项目5个。", "5个", "新引进超10亿元大项目"),
    # Counted things that reached a rank are the top ones, not all of them.
    "a-count-in-the-top-ranks": ("全省5家国家级经开区跻身全国30强。", "5家",
                                 "全国30强国家级经开区"),
    "a-count-in-the-top-ranks-of-a-measure": (
        "全省2家国家级经开区实际使用外资位列全国10强。", "2家",
        "实际使用外资全国10强国家级经开区"),
    "the-share-of-a-count-before": (
        "全省5家国家级经开区跻身全国30强，占全省国家级经开区总数的22.7%。", "22.7%",
        "全国30强国家级经开区占比"),
    "a-move-in-a-ranking": ("园区综合排名位列全省第3，较上一年度提升2位。", "2位", "排名提升"),
    "a-time-word-cut-in-three": ("园区高新技术企业数量较上一年度新增120家。", "120家",
                                 "高新技术企业数量新增"),
    # A zone is a whole head: the verb after it is the sentence's, not part of what is counted.
    "a-zone-then-its-verb": ("全省18个国家高新区参加评价。", "18个", "全省国家高新区"),
    "capacity-with-the-product-before": ("项目建成后，可年产锂电池正极材料5万吨。", "5万吨",
                                         "项目预计年产锂电池正极材料"),
    "an-event-with-de-before-the-count": (
        "据介绍，此次集中开工的27个重大项目，总投资123亿元。", "123亿元", "集中开工重大项目总投资"),
    "a-count-told-again-then-its-total": (
        "园区今天有27个重大项目开工，涉及生物医药等领域。据介绍，落户园区的27个重大项目，"
        "总投资123亿元。", "123亿元",
        "开工重大项目总投资"),
    # A measure the sentence named once, then a place's change of it.
    "a-place-changed-the-measure-named-before": (
        "各新区地区生产总值增速保持高位，其中天府新区同比增长12%。", "12%",
        "天府新区地区生产总值增长"),
    # Two events joined: the things were signed or started.
    "two-events-joined": ("园区29个项目集中签约或开工，总投资172亿元。", "29个",
                          "集中签约或开工项目"),
    "an-industry-named-with-verbs": ("装备制造产业实现产值51.5亿元。", "51.5亿元",
                                     "装备制造产业产值"),
    "a-qualifier-glued-to-a-total": ("本次活动签约总额近600亿元。", "600亿元", "签约总额"),
    "among-the-things-before": ("产业类项目中电子信息项目5个。", "5个", "电子信息项目"),
    # Counted things over a bar: the count is of those over it, the bar is no result.
    "counted-over-a-bar": ("其中36个国家高新区营业收入超过1000亿元。", "36个",
                           "营业收入超1000亿元国家高新区"),
    "projects-in-talks": ("除签约的5个项目外，目前还有超过100个项目在谈。", "100个", "在谈项目"),
    "each-its-own-after-an-aside": (
        "园区营业收入、工业总产值分别达到3.2万亿元、2.1万亿元，相比于五年前，分别增长了85%、64%。",
        "64%", "工业总产值增长"),
    "an-amount-grew-not-its-share": (
        "完成工业投资8.3亿元，占固定资产投资比重71%。同比增长36.8%。", "36.8%", "工业投资增长"),
    "a-brand-read-as-a-verb": ("总投资3亿元的宏利达精密模具项目开工。", "3亿元",
                               "宏利达精密模具项目总投资"),
    # A sentence that opens with one project's name measures that project throughout.
    "a-sentence-opened-by-a-project": (
        "宏达电动车项目总投资2亿元，建设电动自行车生产线，年可实现主营业务收入6亿元。", "6亿元",
        "宏达电动车项目预计主营业务收入"),
    "signed-said-otherwise": ("在洽谈会上，新区一次签下7个项目。", "7个", "签约项目"),
    # A company opening its sentence is whose the sentence's amounts are; not a source.
    "a-company-opening-its-sentence": (
        "蓝海精工公司是园区的龙头配套企业，昨日首条生产线投产，预计年产值达14亿元。", "14亿元",
        "蓝海精工公司预计年产值"),
    "a-company-as-a-source": (
        "蓝海精工公司董事长介绍，园区建成后每年需钢材约20万吨。", "20万吨", "预计年需钢材"),
    "rates-of-a-list-said-once": ("东区和西区营收增速分别为12%和8%。", "12%", "东区营收增速"),
    # A yearly capacity or need said once before a list of quantities is each one's.
    "a-listed-capacity": ("项目年产5万吨聚酯切片、3万吨涤纶长丝。", "3万吨", "年产涤纶长丝"),
    "a-listed-need": ("项目每年需钢材约20万吨、水泥45万吨。", "45万吨", "年需水泥"),
    # A group's measure listed after its count with a 、 is the group's.
    "a-total-after-a-dun-comma": ("活动中，现场签约项目32个、总投资80.6亿元。", "80.6亿元",
                                  "签约项目总投资"),
    "a-total-after-what-they-did": ("全区共有28个项目参与其中、总投资156亿元。", "156亿元",
                                    "项目总投资"),
    "expected-to-be-signed": ("目前在谈项目11个，其中4个项目有望近期签约。", "4个", "有望签约项目"),
    "a-count-in-the-top-ranks-of-a-board": (
        "全省4家国家级经开区进入全国综合排名前十强。", "4家", "全国综合排名前十强国家级经开区"),
    "an-event-and-a-bar-before-the-noun": ("一季度全区新开工过亿元大项目25个。", "25个",
                                            "新开工过亿元大项目"),
    "media-is-no-subject": ("经济日报记者从商务部获悉，全区实现进出口总额4.4亿元，增长7%。",
                            "4.4亿元", "进出口总额"),
    "a-company-then-where-it-builds": (
        "蓝海精工公司在现有的研发及生产基地基础上，追加投资超过10亿元。", "10亿元",
        "蓝海精工公司追加投资"),
    "all-the-countrys-zones-of-a-kind": (
        "前三季度，全国国家级经开区实现进出口总额4.4万亿元。", "4.4万亿元",
        "全国国家级经开区进出口总额"),
    "what-happened-written-after-the-things": (
        "全市共有43个项目集中开工。", "43个", "全市集中开工项目"),
    "registered-firms": ("开发区已累计注册企业754家。", "754家", "累计注册企业"),
    # Where things started is not where they are.
    "a-starting-value": ("园区成立之初，面积仅5500平方米，如今已达12万平方米。", "5500平方米",
                         "初始面积"),
    "now-after-the-start": ("园区成立之初，面积仅5500平方米，如今已达12万平方米。", "12万平方米",
                            "面积"),
    # A figure its own clause says is to come.
    "a-forecast-after-the-noun": ("全区今年产值预计突破300亿元。", "300亿元", "预计全区产值"),
    "a-plan-with-will": ("项目建成后，将引进电子信息企业50家。", "50家", "预计引进电子信息企业"),
}


@pytest.fixture(scope="module")
def stack() -> nlp.Nlp:
    return nlp.load()


@pytest.mark.parametrize("name", sorted(CASES))
def test_label(name: str, stack: nlp.Nlp) -> None:
    text, figure, label = CASES[name]
    article = Article(id="t", source=Source("t.txt", 1, 1), title="t",
                      blocks=[Block("paragraph", text)])
    labels = {k.figure.text: k.label for k in annotate(article).key_figures}
    assert labels[figure] == label
