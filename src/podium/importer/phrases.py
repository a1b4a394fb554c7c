"""The importer's rules as data: what each convention of host scripts looks like, per language.

To teach the importer a new convention, add a row to a table here and a test beside the
others in tests/unit/importer/. The matching code (`classify`, `masks`) reads only these
tables; it holds no phrases of its own.

Chinese tables are written in simplified characters. Before matching, text is folded
character by character with `fold` (traditional → simplified, same length, so every offset
found in the folded text is an offset in the text as written): 進行第一項議程 matches the row
进行第一项议程, and what is kept is always the original.

In templates, `{n}` stands for a number written with digits or Chinese numerals (第{n}页
matches 第1页, 第十二页).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

# --- traditional → simplified, one character each (only characters the tables need) ------
_TRADITIONAL_PAIRS = (
    "項项 議议 進进 會会 現现 來来 講讲 話话 請请 領领 獎奖 臺台 讀读 發发 報报 詞词 辭辞 頒颁 "
    "書书 記记 長长 歡欢 謝谢 導导 眾众 們们 為为 獲获 員员 體体 個个 隊队 級级 開开 閉闭 結结 "
    "禮礼 樂乐 國国 畢毕 優优 學学 師师 業业 場场 節节 這这 還还 區区 縣县 鄉乡 鎮镇 協协 "
    "員员 處处 廳厅 監监 總总 經经 裡里 濟济 屆届 務务 辦办 實实 際际 頭头 鋪铺 聲声 鼓鼓 "
    "掌掌 畫画 視视 頻频 燈灯 幕幕 樓楼 進进 環环 輪轮 後后 時时 對对 與与 給给 讓让 邀邀 "
    "賀贺 們们 們们 齊齐 於于 從从 並并 說说 們们 稱称 號号 單单 位位 隨随 順顺 序序 頁页 "
    "讀读 閱阅 剩剩 載载 檔档 權权 説说 構构 門门 網网 註注 評评 論论 藏藏 擊击 勵励 麼么 "
    "試试 範范 傳传 廣广 東东 歲岁 無无 數数 劃划 稿稿 團团 聯联 誼谊 晚晚 議议 題题 內内 "
    "選选 舉举 儀仪 式式 紀纪 念念 動动 幹干 專专 職职 稱称 顧顾 問问 屬属 驗验 證证 書书 "
    "陳陈 劉刘 張张 趙赵 黃黄 吳吴 孫孙 鄭郑 馮冯 楊杨 錢钱 韓韩 蔣蒋 沈沈 許许 葉叶 蘇苏 "
    "廳厅 縣县 幣币 萬万 億亿 兩两 參参 點点 滿满 熱热 烈烈 隆隆 熱热 勝胜 帶带 準准 備备 "
    "讚赞 歌歌 嚴严 肅肃 靜静 靈灵 響响 奮奋 鬥斗 爭争 緒绪 極极 積积 響响 質质 戰战 略略 "
    "陽阳 啟启 續续 繼继 據据 較较 變变 優优 秀秀 稱称 見见 觀观 覺觉 親亲 愛爱 歷历 壓压 "
    "會会 隻只 辭辞 詞词 宣宣 佈布 閉闭 幕幕 達达 運运 邊边 過过 遠远 遞递 適适 選选 遺遗"
)
_FOLD = {pair[0]: pair[1] for pair in _TRADITIONAL_PAIRS.split()}
_FOLD_TABLE = str.maketrans(_FOLD)


def fold(text: str) -> str:
    """`text` with the traditional characters of these tables made simplified, same length."""
    return text.translate(_FOLD_TABLE)


_UNFOLD_TABLE = str.maketrans({s: t for t, s in _FOLD.items() if s != t and s not in "后只干"})


def traditional_count(text: str) -> int:
    """How many characters of `text` are traditional forms these tables know."""
    return sum(1 for ch in text if ch in _FOLD and _FOLD[ch] != ch)


def unfold(word: str) -> str:
    """One of the importer's own words (开场, 单位) in traditional characters (開場, 單位)."""
    return word.translate(_UNFOLD_TABLE)


# --- shared -------------------------------------------------------------------------------
NUMERALS = "0123456789０１２３４５６７８９一二三四五六七八九十百千零〇两壹贰叁肆伍陆柒捌玖拾"
"""What `{n}` in a template matches (one or more of these)."""

CJK_FINAL = "。！？；…」』”"
"""Punctuation that ends a sentence in Chinese text."""
LATIN_FINAL = ".!?;…\"”'’)"
"""Punctuation that ends a sentence in English text."""
CLAUSE_MARKS = "，,。！？!?；;：:、…“”\"'‘’（）()【】[]《》〈〉 \t"
"""Marks that end a clause (a title is cut at the first of them)."""

ABBREVIATIONS = frozenset(
    [
        "dr",
        "mr",
        "mrs",
        "ms",
        "mx",
        "prof",
        "rev",
        "revd",
        "st",
        "hon",
        "sr",
        "jr",
        "no",
        "vs",
        "etc",
        "gen",
        "col",
        "capt",
        "lt",
        "sgt",
        "fr",
        "sen",
        "rep",
    ]
)
"""A dot after one of these words ends no sentence (Dr. [Name], Mr. Lee)."""

BULLETS = ("•", "·", "●", "○", "▪", "■", "◆", "◇", "►", "▶", "-", "*", "+", "–", "—")
"""A line starting with one of these and a space (or •, ● directly) is a list item."""

BRACKETS = (("（", "）"), ("(", ")"), ("【", "】"), ("[", "]"), ("［", "］"), ("〔", "〕"))
"""Brackets that hold stage directions or stand-ins for names."""

DOTS = "….。·．.‥⋯﹒・"
"""A paragraph made only of these (at least two, or one …) marks where someone else speaks."""

MASK_CHARS = "*＊×xX"
"""A run of two or more `*`, `＊` or `×` is a masked name (`x`/`X` count as a word of three or
more capital X only: see masks.py)."""


@dataclass(frozen=True, slots=True)
class SpeechVerb:
    """A verb (phrase) after which someone else speaks: 讲话, 致辞, "deliver"."""

    phrase: str
    title: str
    """The item title's verb: 作重要讲话 gives the title 区委副书记讲话."""
    minutes: int
    """The duration guess (a reading of a document is shorter than a leader's speech)."""
    takes_object: bool = False
    """True when text may follow the verb in the same clause (宣读《决定》, deliver the
    address); otherwise the verb must end its clause (so 讲话精神 is not a request)."""


@dataclass(frozen=True, slots=True)
class MaskFollower:
    """A masked word identified by what follows it, when no title stands in front of it."""

    follows: str
    key: str
    shared: bool
    """True: every such mask is one entry (a year); False: one entry per place (a unit)."""


@dataclass(frozen=True, slots=True)
class Phrases:
    """Every table the importer reads for one language."""

    language: str
    opening_title: str
    closing_title: str
    awards_title: str
    speech_title: str
    """Title of a speech item when nothing better is found ({speaker} is filled in)."""
    fallback_key: str
    """Placeholder key of a masked word nothing identifies (numbered: 待填1, 待填2)."""
    generic_key: str
    """Placeholder key of a masked personal name with no title before it (姓名1, name-1)."""
    list_key: str
    """Placeholder key standing for the people a call-up does not name (名单1, names-1)."""
    list_standin: str
    """Its value until the organiser lists them (a stand-in `validate` warns about)."""
    call_reader: str
    """A note saying which host reads an item's call-ups (a call-up has no `who`)."""

    # document
    title_markers: tuple[str, ...]
    """A first line ending (or starting) with one of these is the document's title, not the
    host's words: 全区信息工作会议主持词 → meeting.title 全区信息工作会议."""
    salutations: tuple[str, ...]
    """A first line holding one of these is the host's words, never the title."""

    # items
    transitions: tuple[str, ...]
    """Words that start a new part of the meeting (下面, next): a paragraph starting with one
    is never the outro of the speech before it."""
    ordinal_lead: tuple[str, ...]
    """Words that may stand before an ordinal phrase at the start of a paragraph (下面,
    现在, 进行, 会议 …: 下面，进行第一项议程 / 现在进行会议第二项议程 / 会议进入第二项)."""
    ordinal_forms: tuple[str, ...]
    """The ordinal phrase itself after those words: 第{n}项 (议程 may follow)."""
    ordinal_tails: tuple[str, ...]
    """Words after the ordinal that are part of it (议程, 内容); the item's title follows."""
    overview_words: tuple[str, ...]
    """A paragraph with one of these lists the agenda (一共有两项议程): not a boundary."""

    # speeches
    speech_triggers: tuple[str, ...]
    """What asks someone to speak: 请 (有请, 邀请), "invite"."""
    speech_fillers: tuple[str, ...]
    """Words between the speaker and the verb, not part of the speaker (作, 为大家)."""
    speech_verbs: tuple[SpeechVerb, ...]
    speech_connector: str
    """English: the speaker ends at " to " (invite X to deliver …); "" for Chinese."""
    speech_clause_ok: tuple[str, ...]
    """What may follow a verb that ends its clause (大家欢迎), besides punctuation."""
    audience: tuple[str, ...]
    """A speaker starting with one of these is the audience (请同志们认真领会…): no request."""
    default_speech_minutes: int

    # call-ups
    call_markers: tuple[str, ...]
    """A sentence holding one of these calls people to the stage."""
    call_triggers: tuple[str, ...]
    """The people called stand between the last of these and the marker."""
    call_people_trim: tuple[str, ...]
    """Words at either end of the people phrase that are not people (依次, 先, the)."""
    description_words: tuple[str, ...]
    """A people phrase holding one of these describes people (获奖的劳动模范, the winners)
    instead of naming them: its recipients are to be listed."""
    name_separators: tuple[str, ...]
    max_name_chars: int
    """A part of a people phrase longer than this is not a name."""

    # masked names
    titles: tuple[str, ...]
    """Titles of people: the mask after one is keyed by it (区委副书记***同志)."""
    title_breakers: str
    """Characters a title never holds: the title in front of a mask starts after the last."""
    mask_followers: tuple[MaskFollower, ...]
    generic_standins: tuple[str, ...]
    """Bracketed stand-ins that say nothing about whom: numbered entries ([Name], 【姓名】)."""
    standin_words: tuple[str, ...]
    """A bracketed text holding one of these is a stand-in for a name ([Principal's Name])."""
    reserved_keys: tuple[str, ...]

    # stage directions
    direction_words: tuple[str, ...]
    direction_suffixes: tuple[str, ...]
    """A bracketed text ending with one of these is a direction ((决定宣读后), (奏毕))."""
    optional_words: tuple[str, ...]
    """A short line ending with a bracketed one of these is a direction (Prayer (Optional))."""

    # two hosts
    label_words: tuple[str, ...]
    """Speaker labels, each optionally followed by a number or letter (主持人甲, E1, Emcee 2)
    and a bracketed short form (Emcee 2 (E2)), then a colon."""
    label_suffixes: str

    # page furniture of downloaded documents
    furniture_lines: tuple[str, ...]
    """A paragraph that is exactly one of these (templates allowed)."""
    furniture_phrases: tuple[str, ...]
    """A paragraph holding one of these."""
    furniture_endings: tuple[str, ...]
    """A paragraph ending with one of these (page counters: …主持词_第1页)."""
    furniture_headings: tuple[str, ...]
    """A paragraph that is one of these starts a block: the list items after it go too."""

    # English segment headings
    heading_max_words: int


ZH = Phrases(
    language="zh",
    opening_title="开场",
    closing_title="结束",
    awards_title="颁奖",
    speech_title="{speaker}讲话",
    fallback_key="待填",
    generic_key="姓名",
    list_key="名单",
    list_standin="【名单】",
    call_reader="颁奖名单由{who}宣读",
    title_markers=(
        "主持词",
        "主持稿",
        "主持人串词",
        "主持串词",
        "串词",
        "主持人台词",
        "主持人讲话稿",
        "主持人发言稿",
        "会议议程",
        "主持流程",
    ),
    salutations=("尊敬的", "同志们", "各位", "朋友们", "大家", "女士们", "先生们", "老师们"),
    transitions=("下面", "接下来", "现在", "首先", "然后", "最后", "其次", "再次", "随后"),
    ordinal_lead=(
        "下面",
        "现在",
        "接下来",
        "首先",
        "然后",
        "随后",
        "最后",
        "开始",
        "继续",
        "进行",
        "进入",
        "会议",
        "大会",
        "本次会议",
        "今天会议",
        "请",
        "先",
        "就",
        "了",
    ),
    ordinal_forms=("第{n}项", "第{n}个议程", "第{n}个环节", "第{n}环节", "第{n}议程"),
    ordinal_tails=("议程", "议题", "内容", "程序"),
    overview_words=("一共", "共有", "共两项", "共三项", "议程有", "议程是", "议程为", "有以下"),
    speech_triggers=("请",),
    speech_fillers=(
        "为大家作",
        "给大家作",
        "为我们作",
        "为大家",
        "给大家",
        "为我们",
        "给我们",
        "上台",
        "作",
        "做",
        "来",
        "代表大会",
    ),
    speech_verbs=(
        SpeechVerb("作重要讲话", "讲话", 20),
        SpeechVerb("重要讲话", "讲话", 20),
        SpeechVerb("作工作报告", "工作报告", 30),
        SpeechVerb("作报告", "报告", 20, takes_object=True),
        SpeechVerb("讲话", "讲话", 15),
        SpeechVerb("致欢迎辞", "致欢迎辞", 5),
        SpeechVerb("致辞", "致辞", 5),
        SpeechVerb("致词", "致词", 5),
        SpeechVerb("发表获奖感言", "获奖感言", 3),
        SpeechVerb("发表感言", "感言", 3),
        SpeechVerb("作表态发言", "表态发言", 5),
        SpeechVerb("表态发言", "表态发言", 5),
        SpeechVerb("作交流发言", "交流发言", 8),
        SpeechVerb("交流发言", "交流发言", 8),
        SpeechVerb("发言", "发言", 5),
        SpeechVerb("作总结", "总结", 10, takes_object=True),
        SpeechVerb("宣读", "宣读", 5, takes_object=True),
        SpeechVerb("讲课", "讲课", 40),
        SpeechVerb("授课", "授课", 40),
    ),
    speech_connector="",
    speech_clause_ok=("大家欢迎", "欢迎", "并", "同时"),
    audience=("同志们", "大家", "全体", "各位", "与会", "在座", "我们", "你们"),
    default_speech_minutes=5,
    call_markers=(
        "上台领奖",
        "上台颁奖",
        "依次上台",
        "上台合影",
        "到台前领奖",
        "到台前颁奖",
        "到台前",
        "上主席台",
        "上台",
    ),
    call_triggers=("请",),
    call_people_trim=("先", "首先", "下面", "然后", "依次", "按顺序", "分别", "一起", "共同"),
    description_words=(
        "的",
        "代表",
        "获奖",
        "受表彰",
        "先进",
        "优秀",
        "获得",
        "以下",
        "下列",
        "全体",
        "各位",
        "们",
        "嘉宾",
        "领导",
        "单位",
        "集体",
        "个人",
        "人员",
        "选手",
        "*",
        "＊",
        "×",
        "{",
        "【",
        "[",
    ),
    name_separators=("、", "，", ",", "和", "及", "与", " "),
    max_name_chars=4,
    titles=(
        "书记",
        "副书记",
        "区长",
        "副区长",
        "市长",
        "副市长",
        "县长",
        "副县长",
        "省长",
        "副省长",
        "镇长",
        "乡长",
        "主任",
        "副主任",
        "部长",
        "副部长",
        "局长",
        "副局长",
        "厅长",
        "处长",
        "科长",
        "所长",
        "站长",
        "校长",
        "副校长",
        "院长",
        "副院长",
        "园长",
        "馆长",
        "会长",
        "副会长",
        "秘书长",
        "主席",
        "副主席",
        "委员",
        "常委",
        "董事长",
        "总经理",
        "经理",
        "总裁",
        "总监",
        "行长",
        "社长",
        "台长",
        "主编",
        "组长",
        "队长",
        "班长",
        "主管",
        "教授",
        "老师",
        "代表",
        "理事长",
        "监事长",
        "检察长",
        "庭长",
        "司令员",
        "政委",
        "主持人",
    ),
    title_breakers="的有是了请由和与及向为对在给让谢迎贺被把将邀欢感祝读",
    mask_followers=(
        MaskFollower("年度", "年份", True),
        MaskFollower("年", "年份", True),
        MaskFollower("届", "届次", True),
        MaskFollower("月", "月份", True),
        MaskFollower("的代表", "单位", False),
        MaskFollower("同志", "姓名", False),
    ),
    generic_standins=("姓名", "名字", "人名", "某某", "xxx"),
    standin_words=(
        "姓名",
        "名字",
        "人名",
        "单位",
        "职务",
        "名称",
        "某",
        "嘉宾",
        "领导",
        "获奖",
        "日期",
        "时间",
        "地点",
    ),
    reserved_keys=("names", "award", "count", "title", "date", "venue", "host"),
    direction_words=(
        "奏",
        "鼓掌",
        "掌声",
        "起立",
        "就座",
        "坐下",
        "音乐",
        "播放",
        "放映",
        "视频",
        "宣读后",
        "完毕",
        "轮",
        "略",
        "停顿",
        "暂停",
        "稍停",
        "稍候",
        "下台",
        "退场",
        "入场",
        "颁奖",
        "合影",
        "礼毕",
        "灯光",
        "大屏幕",
        "屏幕",
        "配乐",
        "背景",
        "鞠躬",
        "示意",
        "主持人",
        "可选",
        "选读",
    ),
    direction_suffixes=("后", "毕", "时", "中", "前", "完"),
    optional_words=("可选", "选读", "视情况", "备用"),
    label_words=(
        "男女合",
        "男女",
        "男主持人",
        "女主持人",
        "男主持",
        "女主持",
        "主持人",
        "主持",
        "男",
        "女",
        "合",
        "齐",
        "甲",
        "乙",
        "丙",
        "丁",
    ),
    label_suffixes="甲乙丙丁ABCDabcd1234一二三四",
    furniture_lines=(
        "下载本文档",
        "下载文档",
        "文档简介",
        "温馨提示",
        "评论",
        "提交评论",
        "发表评论",
        "收藏",
        "分享",
        "举报",
        "相关文档",
        "相关推荐",
        "猜你喜欢",
        "热门文档",
        "上一篇",
        "下一篇",
        "返回顶部",
        "展开全文",
        "阅读全文",
        "点击下载",
        "立即下载",
        "免费下载",
        "{n}/{n}",
        "第{n}页",
        "第{n}页共{n}页",
        "共{n}页",
    ),
    furniture_phrases=(
        "继续免费阅读",
        "页未读",
        "本文档由用户提供并上传",
        "版权说明:",
        "版权说明：",
        "本站所有资源",
        "本站的文档",
        "本站RAR",
        "本站仅提供",
        "本站不保证",
        "人人文库",
        "文库网",
        "未经权益所有人同意",
        "如有侵权",
        "侵权或不适当内容",
        "免责声明",
        "扫码下载",
        "微信扫一扫",
        "关注公众号",
        "版权所有",
        "原创力文档",
        "道客巴巴",
        "豆丁网",
    ),
    furniture_endings=("_第{n}页", "-第{n}页", " 第{n}页"),
    furniture_headings=("温馨提示", "免责声明", "相关推荐", "猜你喜欢", "相关文档", "热门文档"),
    heading_max_words=0,
)


EN = Phrases(
    language="en",
    opening_title="Opening",
    closing_title="Closing",
    awards_title="Awards",
    speech_title="Speech: {speaker}",
    fallback_key="blank",
    generic_key="name",
    list_key="names",
    list_standin="[Names]",
    call_reader="{who} reads the call-ups",
    title_markers=(
        "Emcee Script",
        "MC Script",
        "Host Script",
        "Master of Ceremonies Script",
        "Script for the Emcee",
        "Script for the MC",
        "Programme Script",
        "Program Script",
        "Run of Show",
        "Script",
    ),
    salutations=("Good ", "Ladies", "Welcome", "Dear", "Hello", "Distinguished", "Everyone"),
    transitions=(
        "Next",
        "Now",
        "Our next",
        "Moving on",
        "Let us now",
        "Let's now",
        "And now",
        "Finally",
        "To begin",
        "First",
        "Then",
    ),
    ordinal_lead=(),
    ordinal_forms=(),
    ordinal_tails=(),
    overview_words=(),
    speech_triggers=(
        "invite",
        "welcome",
        "call upon",
        "call on",
        "ask",
        "request",
        "introduce",
    ),
    speech_fillers=(),
    speech_verbs=(
        SpeechVerb("deliver", "", 10, takes_object=True),
        SpeechVerb("give", "", 5, takes_object=True),
        SpeechVerb("present", "", 5, takes_object=True),
        SpeechVerb("address", "Address", 10, takes_object=True),
        SpeechVerb("say a few words", "A few words", 3),
        SpeechVerb("share", "", 5, takes_object=True),
        SpeechVerb("speak", "", 5, takes_object=True),
        SpeechVerb("offer", "", 3, takes_object=True),
        SpeechVerb("lead", "", 3, takes_object=True),
        SpeechVerb("read", "", 3, takes_object=True),
        SpeechVerb("propose", "", 3, takes_object=True),
        SpeechVerb("the podium", "", 5, takes_object=True),
        SpeechVerb("the lectern", "", 5, takes_object=True),
    ),
    speech_connector=" to ",
    speech_clause_ok=(),
    audience=("everyone", "all", "the audience", "you", "us", "the guests", "guests"),
    default_speech_minutes=5,
    call_markers=(
        "to the stage",
        "onto the stage",
        "on stage",
        "come forward",
        "to come up",
        "to receive",
    ),
    call_triggers=("invite", "call", "ask", "welcome", "request"),
    call_people_trim=("the following", "please", "now", "our", "to come", "up", "all"),
    description_words=(
        "the ",
        "following",
        "winners",
        "winner",
        "recipients",
        "recipient",
        "students",
        "graduates",
        "representatives",
        "representative",
        "members",
        "all ",
        "our ",
        "each",
        "who",
        "[",
        "{",
        "*",
    ),
    name_separators=(", and ", " and ", ", ", "; ", " & "),
    max_name_chars=40,
    titles=(
        "Principal",
        "Vice Principal",
        "Deputy Principal",
        "Headmaster",
        "Headmistress",
        "Head Teacher",
        "Chairman",
        "Chairwoman",
        "Chairperson",
        "Chair",
        "President",
        "Vice President",
        "Dean",
        "Director",
        "Mayor",
        "Councillor",
        "Councilor",
        "Minister",
        "Governor",
        "Senator",
        "Judge",
        "Professor",
        "Prof.",
        "Dr.",
        "Dr",
        "Mr.",
        "Mr",
        "Mrs.",
        "Mrs",
        "Ms.",
        "Ms",
        "Reverend",
        "Rev.",
        "Pastor",
        "Father",
        "Captain",
        "Coach",
        "CEO",
        "Manager",
        "Superintendent",
        "Trustee",
        "Guest of Honour",
        "Guest of Honor",
        "Speaker",
        "Valedictorian",
        "Teacher",
    ),
    title_breakers="",
    mask_followers=(),
    generic_standins=("name", "names", "full name", "insert name", "xxx", "person"),
    standin_words=(
        "name",
        "names",
        "title",
        "principal",
        "guest",
        "speaker",
        "school",
        "company",
        "organisation",
        "organization",
        "date",
        "year",
        "insert",
        "chair",
        "president",
        "winner",
        "recipient",
        "teacher",
        "student",
        "venue",
        "event",
    ),
    reserved_keys=("names", "award", "count", "title", "date", "venue", "host"),
    direction_words=(
        "applause",
        "laughter",
        "pause",
        "music",
        "plays",
        "playing",
        "speech)",
        "speech]",
        "stands",
        "rise",
        "seated",
        "exit",
        "exits",
        "enter",
        "enters",
        "video",
        "slides",
        "lights",
        "cue",
        "drumroll",
        "walks",
        "optional",
        "if time permits",
        "bow",
        "photo",
        "anthem",
        "silence",
        "moment",
        "returns",
        "address)",
        "remarks)",
    ),
    direction_suffixes=(),
    optional_words=("optional", "if time permits", "if needed", "tbc", "tba"),
    label_words=(
        "Master of Ceremonies",
        "Emcee",
        "MC",
        "Host",
        "Co-host",
        "Cohost",
        "Co-Host",
        "Presenter",
        "Compere",
        "Both",
        "All",
        "Together",
        "E",
        "M",
        "H",
    ),
    label_suffixes="0123456789ABCDab",
    furniture_lines=(
        "Download",
        "Download PDF",
        "Download Word",
        "Share",
        "Print",
        "Comments",
        "Leave a comment",
        "Leave a Reply",
        "Related posts",
        "Related Posts",
        "Read more",
        "Advertisement",
        "Table of Contents",
        "Page {n}",
        "Page {n} of {n}",
        "{n}/{n}",
        "- {n} -",
    ),
    furniture_phrases=(
        "All rights reserved",
        "Copyright ©",
        "© 20",
        "Click here to download",
        "Sign up for our newsletter",
        "This website uses cookies",
        "Subscribe to our",
        "Continue reading",
    ),
    furniture_endings=(" | Page {n}", " - Page {n}", "_Page {n}"),
    furniture_headings=("Related posts", "Related Posts", "You may also like", "Tips"),
    heading_max_words=8,
)

ZH_HANT = replace(
    ZH,
    opening_title=unfold(ZH.opening_title),
    closing_title=unfold(ZH.closing_title),
    awards_title=unfold(ZH.awards_title),
    speech_title=unfold(ZH.speech_title),
    fallback_key=unfold(ZH.fallback_key),
    generic_key=unfold(ZH.generic_key),
    list_key=unfold(ZH.list_key),
    list_standin=unfold(ZH.list_standin),
    call_reader=unfold(ZH.call_reader),
    mask_followers=tuple(replace(f, key=unfold(f.key)) for f in ZH.mask_followers),
)
"""Chinese in traditional characters: the same tables (matching folds the text), the
importer's own words (開場, 單位1) written in traditional characters."""

BY_LANGUAGE = {"zh": ZH, "en": EN}


def phrases_for(language: str, traditional: bool = False) -> Phrases:
    """The tables of `language` (a podium language code: zh or en)."""
    if language == "zh" and traditional:
        return ZH_HANT
    return BY_LANGUAGE.get(language, EN)


# --- tables of names (a Word table after a call-up) ----------------------------------------
HEADER_NAME = (
    *("姓名", "名字", "获奖人", "获奖者", "名单", "代表"),
    *("name", "names", "recipient", "recipients", "student", "winner", "awardee"),
)
HEADER_UNIT = (
    *("单位", "部门", "工作单位", "所在单位", "学校", "班级", "集体"),
    *("unit", "department", "organisation", "organization", "school", "class", "company"),
    *("team", "year"),
)
HEADER_SKIP = ("序号", "编号", "名次", "no.", "no", "#", "nr.", "number")
"""Header cells of a column that is only a counter: not read."""

AWARD_VERBS = ("颁发", "颁奖", "表彰", "授予")
"""An awards item without a title is titled from its intro's clause from one of these on."""
