#!/usr/bin/python3
"""Write the fictitious sample documents in corpus-sample/documents/ and check queries.tsv.

Usage:
  scripts/make-corpus-sample.py [--out DIR]   write the documents
  scripts/make-corpus-sample.py --check       verify corpus-sample/queries.tsv

The output is byte-for-byte reproducible: the content is fixed, nothing reads
the clock or a random source, reportlab runs with invariant=1 and every ZIP
member carries a fixed timestamp. The script uses the Debian packages
python3-reportlab, fonts-wqy-zenhei, poppler-utils (pdftotext, pdfinfo for
--check) and opencc (the opencc command, for --check). It runs with the system
Python because reportlab is a Debian package.
"""

import argparse
import html
import html.parser
import os
import re
import subprocess
import sys
import unicodedata
import zipfile

from reportlab.lib.pagesizes import A4, letter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(ROOT, "corpus-sample")

# WenQuanYi Zen Hei covers Simplified and Traditional Han and Latin. reportlab
# reads TrueType collections only by subfont index and embeds a subset.
CJK_FONT_FILE = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
CJK_FONT = "WenQuanYiZenHei"

# ---------------------------------------------------------------------------
# Unified social credit codes (GB 32100-2015).

# The 31 characters of the code alphabet: digits and capitals without I, O, S,
# V and Z. A character's value is its index.
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

# Weights of the organisation code check digit (GB 11714-1997).
ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def org_code_check(body8):
    """Return the GB 11714 check character for an 8-character organisation code."""
    total = sum(int(c, 36) * w for c, w in zip(body8, ORG_CODE_WEIGHTS))
    value = 11 - total % 11
    if value == 10:
        return "X"
    if value == 11:
        return "0"
    return str(value)


def uscc(registrar_and_type, division, org_body8):
    """Build an 18-character unified social credit code with valid checks.

    registrar_and_type is two characters ("91" a company registered with the
    market regulator, "11" a government organ), division a six-digit
    administrative division code and org_body8 the first eight characters of
    the organisation code, whose ninth character is computed here.
    """
    body = registrar_and_type + division + org_body8 + org_code_check(org_body8)
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(body, USCC_WEIGHTS))
    check = (31 - total % 31) % 31
    return body + USCC_ALPHABET[check]


def uscc_is_valid(code):
    """Check the length, alphabet and final check character of a code."""
    if len(code) != 18 or any(c not in USCC_ALPHABET for c in code):
        return False
    return uscc(code[:2], code[2:8], code[8:16]) == code


# Division code 990100 belongs to no province (province codes stop at 82), so
# the codes below name no real organisation.
USCC_POLICE = uscc("11", "990100", "MB170301")
USCC_PROPAGANDA = uscc("11", "990100", "MB170122")
USCC_AGENCY = uscc("91", "990100", "MA5TX3K1")
USCC_TECH = uscc("91", "990100", "MA61QW8R")
USCC_DATA = uscc("91", "990100", "MA7LC2D4")
USCC_CLEANING = uscc("91", "990100", "MA3HN7P6")

# ---------------------------------------------------------------------------
# PDF writing with reportlab.


def register_fonts():
    pdfmetrics.registerFont(TTFont(CJK_FONT, CJK_FONT_FILE, subfontIndex=0))


def wrap_line(text, font, size, width):
    """Break text into lines no wider than width points.

    Chinese has no spaces to break at, so any character may end a line;
    Latin words are kept whole.
    """
    lines = []
    current = ""
    for token in re.findall(r"[A-Za-z0-9.,:;()/'\-]+ ?|.", text):
        candidate = current + token
        if current and pdfmetrics.stringWidth(candidate, font, size) > width:
            lines.append(current.rstrip())
            current = token.lstrip()
        else:
            current = candidate
    if current:
        lines.append(current.rstrip())
    return lines


class PdfWriter:
    """A minimal flowing layout on a reportlab canvas: headings and paragraphs."""

    def __init__(self, path, title, author, subject, pagesize=A4):
        # The initial font is set so that no unembedded Helvetica is declared.
        self.canvas = canvas.Canvas(path, pagesize=pagesize, invariant=1,
                                    initialFontName=CJK_FONT)
        self.canvas.setTitle(title)
        self.canvas.setAuthor(author)
        self.canvas.setSubject(subject)
        self.canvas.setCreator("bidscope make-corpus-sample.py")
        self.width, self.height = pagesize
        self.margin = 64
        self.y = self.height - self.margin
        self.page = 1

    def _ensure_room(self, needed):
        if self.y - needed < self.margin + 20:
            self.new_page()

    def new_page(self):
        self._footer()
        self.canvas.showPage()
        self.page += 1
        self.y = self.height - self.margin

    def _footer(self):
        self.canvas.setFont(CJK_FONT, 9)
        self.canvas.drawCentredString(self.width / 2, self.margin - 24,
                                      f"- {self.page} -")

    def heading(self, text, size=18, char_space=0):
        """Draw a centred heading; char_space adds points between characters."""
        self._ensure_room(size * 2)
        text_width = pdfmetrics.stringWidth(text, CJK_FONT, size)
        text_width += char_space * (len(text) - 1)
        obj = self.canvas.beginText((self.width - text_width) / 2, self.y - size)
        obj.setFont(CJK_FONT, size)
        obj.setCharSpace(char_space)
        obj.textOut(text)
        # Character spacing is graphics state and outlives the text object.
        obj.setCharSpace(0)
        self.canvas.drawText(obj)
        self.y -= size * 2

    def paragraph(self, text, size=11, indent=0):
        leading = size * 1.6
        usable = self.width - 2 * self.margin - indent
        for line in wrap_line(text, CJK_FONT, size, usable):
            self._ensure_room(leading)
            self.canvas.setFont(CJK_FONT, size)
            self.canvas.drawString(self.margin + indent, self.y - size, line)
            self.y -= leading
        self.y -= size * 0.4

    def table(self, rows, col_widths, size=10):
        """Draw a ruled table; every cell fits on one line."""
        row_height = size * 2
        for row in rows:
            self._ensure_room(row_height)
            x = self.margin
            for cell, col_width in zip(row, col_widths):
                self.canvas.rect(x, self.y - row_height, col_width, row_height)
                self.canvas.setFont(CJK_FONT, size)
                self.canvas.drawString(x + 4, self.y - row_height + size * 0.6,
                                       cell)
                x += col_width
            self.y -= row_height
        self.y -= size

    def save(self):
        self._footer()
        self.canvas.save()


def write_yuqing_tender_pdf(path):
    """Write the public-opinion monitoring tender: three pages, letter-spaced heading."""
    pdf = PdfWriter(path, "示例市公安局网络舆情监测服务项目公开招标公告",
                    "示例招标代理有限公司", "公开招标公告")
    pdf.heading("招标公告", size=22, char_space=14)
    pdf.heading("示例市公安局网络舆情监测服务项目", size=15)
    pdf.paragraph("项目编号：SLZB-2024-0113")
    pdf.paragraph("项目名称：示例市公安局网络舆情监测服务项目")
    pdf.paragraph("采购方式：公开招标")
    pdf.paragraph("预算金额：￥1,234,567.89元（大写：人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分）")
    pdf.paragraph("最高限价：￥1,234,567.89元")
    pdf.paragraph(
        "示例招标代理有限公司受示例市公安局委托，根据《中华人民共和国政府采购法》等有关"
        "规定，现对示例市公安局网络舆情监测服务项目进行公开招标，欢迎合格的供应商前来投标。"
        "本项目服务期为一年，服务内容包括全网舆情监测、境外社交媒体公开信息采集、"
        "敏感信息预警、专题研判报告编制以及重大活动期间的现场值守。")
    pdf.heading("一、采购需求", size=13)
    pdf.paragraph("1. 提供7×24小时全网舆情监测服务，覆盖新闻网站、论坛、微博、微信公众号、短视频平台。")
    pdf.paragraph("2. 对境外社交媒体（推特、脸书、油管）涉及本市的公开信息进行采集、翻译和归档，"
                  "每日汇总不少于一次。")
    pdf.paragraph("3. 建立关键词库和预警规则，发现涉稳、涉警敏感信息后十五分钟内推送预警。")
    pdf.paragraph("4. 每月提交舆情分析报告，重大事件提交专题研判报告。")
    pdf.heading("二、投标人资格要求", size=13)
    pdf.paragraph("1. 具有独立承担民事责任的能力，提供营业执照（统一社会信用代码）。")
    pdf.paragraph("2. 具有良好的商业信誉和健全的财务会计制度。")
    pdf.paragraph("3. 本项目不接受联合体投标。")
    pdf.new_page()
    pdf.heading("三、获取招标文件", size=13)
    pdf.paragraph("时间：2024年2月23日至2024年3月1日，每天上午9时00分至11时30分，"
                  "下午14时30分至17时00分（北京时间，法定节假日除外）。")
    pdf.paragraph("地点：示例市公共资源交易中心网站。")
    pdf.heading("四、投标截止时间和开标时间", size=13)
    pdf.paragraph("投标截止时间及开标时间：2024年3月15日上午9时30分（北京时间）。")
    pdf.paragraph("开标地点：示例市公共资源交易中心第三开标室。")
    pdf.heading("五、评分标准", size=13)
    pdf.table([["评分因素", "分值", "说明"],
               ["价格", "30", "满足招标文件要求且投标价格最低的为基准价"],
               ["技术方案", "40", "监测覆盖范围、预警时效、报告质量"],
               ["项目团队", "20", "驻场人员数量与从业经验"],
               ["售后服务", "10", "响应时间与培训方案"]],
              [100, 50, 310])
    pdf.new_page()
    pdf.heading("六、联系方式", size=13)
    pdf.paragraph("采购人：示例市公安局")
    pdf.paragraph(f"统一社会信用代码：{USCC_POLICE}")
    pdf.paragraph("地址：示例市示例区人民路88号")
    pdf.paragraph("联系人：李警官　联系电话：0999-12345678")
    pdf.paragraph("采购代理机构：示例招标代理有限公司")
    pdf.paragraph(f"统一社会信用代码：{USCC_AGENCY}")
    pdf.paragraph("地址：示例市示例区建设大道100号")
    pdf.paragraph("联系人：陈工　联系电话：0999-87654321")
    pdf.paragraph("示例招标代理有限公司")
    pdf.paragraph("2024年2月22日")
    pdf.save()


def write_xueliang_award_pdf(path):
    pdf = PdfWriter(path, "示例县雪亮工程视频监控建设项目中标结果公告",
                    "示例县公共资源交易中心", "中标结果公告")
    pdf.heading("中标结果公告", size=20)
    pdf.paragraph("一、项目编号：SLCG-2024-0207")
    pdf.paragraph("二、项目名称：示例县“雪亮工程”视频监控建设项目（二期）")
    pdf.paragraph("三、中标信息")
    pdf.paragraph("供应商名称：示例科技有限公司", indent=22)
    pdf.paragraph(f"统一社会信用代码：{USCC_TECH}", indent=22)
    pdf.paragraph("供应商地址：示例市高新区创新路18号", indent=22)
    pdf.paragraph("中标金额：小写：￥3,200,000.00元；大写：人民币叁佰贰拾万元整", indent=22)
    pdf.paragraph("四、主要标的信息")
    pdf.table([["名称", "品牌", "数量", "单价（元）"],
               ["人脸识别高清网络摄像机", "示例", "200台", "8,500.00"],
               ["视频结构化分析服务器", "示例", "4台", "185,000.00"],
               ["视频汇聚平台软件", "示例", "1套", "560,000.00"]],
              [190, 70, 70, 130])
    pdf.paragraph(
        "本项目在全县主要路口、学校周边和农村集镇新建人脸识别卡口200路，"
        "接入县公安局视频图像信息综合应用平台，实现重点人员布控预警和轨迹查询。")
    pdf.paragraph("五、评审专家名单：赵某、钱某、孙某、李某、周某")
    pdf.paragraph("六、公告期限：自本公告发布之日起1个工作日。")
    pdf.paragraph("七、采购人：示例县公安局　联系电话：0999-5550101")
    pdf.paragraph("采购代理机构：示例县公共资源交易中心")
    pdf.paragraph("公告日期：2024年4月2日")
    pdf.save()


def write_tw_face_award_pdf(path):
    pdf = PdfWriter(path, "示例市政府警察局人臉辨識系統採購案決標公告",
                    "示例市政府警察局", "決標公告")
    pdf.heading("決標公告", size=20, char_space=12)
    pdf.table([["機關名稱", "示例市政府警察局"],
               ["機關地址", "示例市中正區博愛路一段1號"],
               ["標案案號", "SL1130425"],
               ["標案名稱", "人臉辨識系統暨影像分析平臺採購案"],
               ["招標方式", "公開招標"],
               ["決標方式", "最低標"],
               ["決標日期", "113/04/25"],
               ["得標廠商", "示例資訊股份有限公司"],
               ["決標金額", "新臺幣參拾貳萬元整（320,000元）"],
               ["履約期限", "決標次日起90日曆天"]],
              [110, 350])
    pdf.paragraph(
        "本案採購內容為警察局既有路口監視器之人臉辨識模組擴充，含影像分析平臺授權、"
        "教育訓練及一年保固，得標廠商應依契約規定辦理資料保護與個人資料稽核。")
    pdf.paragraph("本公告依政府採購法第六十一條規定刊登。")
    pdf.save()


def write_us_rfq_pdf(path):
    pdf = PdfWriter(path, "RFQ EX-2024-017 Social Media Monitoring Services",
                    "City of Exampleville Purchasing Division",
                    "Request for Quotation", pagesize=letter)
    pdf.heading("REQUEST FOR QUOTATION", size=18)
    pdf.paragraph("RFQ Number: EX-2024-017")
    pdf.paragraph("Title: Social Media Monitoring Services for the "
                  "Exampleville Police Department")
    pdf.paragraph("Issuing Office: City of Exampleville Purchasing Division, "
                  "100 Main Street, Exampleville, EX 00000")
    pdf.paragraph("Quotes Due: March 15, 2024, 2:00 PM Eastern Time")
    pdf.paragraph("NAICS Code: 541519. Set-aside: none.")
    pdf.heading("1. Scope of Work", size=13)
    pdf.paragraph(
        "The City seeks quotations for a subscription service that provides "
        "social media monitoring of publicly available posts that mention city "
        "events, facilities or threats to public safety. The service shall "
        "cover Twitter, Facebook and YouTube, shall deliver keyword alerts "
        "within fifteen minutes, and shall provide a monthly summary report.")
    pdf.paragraph(
        "The contractor shall not use the service for surveillance of "
        "individuals based on protected speech, and shall document each "
        "search performed on behalf of the Department.")
    pdf.heading("2. Pricing", size=13)
    pdf.table([["Line", "Description", "Unit", "Qty"],
               ["0001", "Monitoring subscription, 12 months", "LOT", "1"],
               ["0002", "Analyst training, on site", "DAY", "2"]],
              [50, 260, 60, 60])
    pdf.heading("3. Evaluation", size=13)
    pdf.paragraph("Award will be made to the lowest priced, technically "
                  "acceptable quotation. Quotes shall be valid for 90 days.")
    pdf.paragraph("Point of contact: J. Example, Buyer, purchasing@example.invalid")
    pdf.save()


# ---------------------------------------------------------------------------
# HTML pages.


def html_page(title, charset, body_lines):
    body = "\n".join(body_lines)
    return (f'<!DOCTYPE html>\n<html>\n<head>\n'
            f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
            f'<title>{html.escape(title)}</title>\n</head>\n<body>\n{body}\n'
            f'</body>\n</html>\n')


def write_propaganda_intent_gbk(path):
    # 堃 and 喆 are in GBK but not in GB2312, so a decoder that takes the
    # declared gb2312 literally fails on them.
    page = html_page("示例市委宣传部2024年网络舆情分析服务采购意向", "gb2312", [
        "<h1>示例市委宣传部2024年网络舆情分析服务采购意向</h1>",
        "<p>为便于供应商及时了解政府采购信息，根据《财政部关于开展政府采购意向公开工作的通知》"
        "等有关规定，现将示例市委宣传部2024年5月采购意向公开如下：</p>",
        "<table border=\"1\">",
        "<tr><th>序号</th><th>采购项目名称</th><th>采购需求概况</th>"
        "<th>预算金额（万元）</th><th>预计采购时间</th></tr>",
        "<tr><td>1</td><td>网络舆情分析服务</td><td>对本市网络舆论和重大宣传活动的传播效果进行"
        "监看、分析，按周报送分析报告，重大节点提供专题报告。</td><td>32</td>"
        "<td>2024年5月</td></tr>",
        "<tr><td>2</td><td>户外宣传栏制作安装</td><td>全市主要街道宣传栏更新</td>"
        "<td>18.5</td><td>2024年6月</td></tr>",
        "</table>",
        "<p>本次公开的采购意向是本单位政府采购工作的初步安排，具体采购项目情况以相关"
        "采购公告和采购文件为准。</p>",
        f"<p>采购单位：中共示例市委宣传部（统一社会信用代码：{USCC_PROPAGANDA}）</p>",
        "<p>联系人：王堃　张喆　联系电话：0999-6660123</p>",
        "<p>2024年4月10日</p>",
    ])
    with open(path, "wb") as out:
        out.write(page.encode("gbk"))


def write_cleaning_award_utf8(path):
    page = html_page("示例市人民医院保洁服务项目中标结果公告", "utf-8", [
        "<div class=\"notice\">",
        "<h2>示例市人民医院保洁服务项目中标结果公告</h2>",
        "<p>项目编号：SLZB-2024-0098</p>",
        "<p>项目名称：示例市人民医院2024-2025年度保洁服务项目</p>",
        "<p>中标供应商：示例物业管理有限公司</p>",
        f"<p>统一社会信用代码：{USCC_CLEANING}</p>",
        "<p>中标金额：￥286,500.00元（贰拾捌万陆仟伍佰元整）</p>",
        "<p>服务内容：门诊楼、住院楼及院区公共区域日常保洁、垃圾分类清运、"
        "医疗废物暂存点消毒。服务期限为十二个月。</p>",
        "<p>采购人：示例市人民医院　地址：示例市示例区健康路6号</p>",
        "<p>公告期限：自本公告发布之日起1个工作日。</p>",
        "<p>发布日期：2024年3月8日</p>",
        "</div>",
    ])
    with open(path, "wb") as out:
        out.write(page.encode("utf-8"))


def write_hk_tender_big5(path):
    page = html_page("示例區政府物流服務署招標公告 SLT/2024/031", "big5", [
        "<h1>招標公告</h1>",
        "<p>投標編號：SLT/2024/031</p>",
        "<p>Tender Reference: SLT/2024/031</p>",
        "<p>項目：為香港示例區警務處提供閉路電視（CCTV）系統保養服務，為期三十六個月。</p>",
        "<p>Subject: Provision of Maintenance Services for the CCTV System of the "
        "Exampleton District Police, for thirty-six months. The Contractor shall "
        "monitor the system remotely and report faults within two hours.</p>",
        "<p>截標日期及時間：2024年3月28日中午12時正（香港時間）</p>",
        "<p>Closing date and time: 12:00 noon, 28 March 2024 (Hong Kong Time)</p>",
        "<p>投標者須於截標時間前把投標書投入示例區政府物流服務署大樓地下的投標箱。"
        "逾期遞交的投標書將不獲考慮。</p>",
        "<p>查詢：示例區政府物流服務署採購組　電話：(852) 0000 0000</p>",
    ])
    with open(path, "wb") as out:
        out.write(page.encode("big5"))


def write_overseas_social_media_award(path):
    # The source wraps sentences with hard newlines, as many CMS editors do;
    # the newline inside a Chinese sentence is not a word boundary.
    page = html_page("示例市公安局境外社交媒体数据采集服务中标结果公告", "utf-8", [
        "<h3>示例市公安局境外社交媒体数据采集服务中标结果公告</h3>",
        "<p>项目编号：SLCS-2024-0031</p>",
        "<p>采购方式：竞争性磋商</p>",
        "<p>本项目采购境外社交媒体数据采集服务一项，对推特、脸书等平台上涉及本市的\n"
        "公开帖文、评论和账号信息进行采集和分析，服务期为一年。</p>",
        "<p>成交供应商：示例数据技术有限公司</p>",
        f"<p>统一社会信用代码：{USCC_DATA}</p>",
        "<p>成交金额：32万元（叁拾贰万元整）</p>",
        "<p>采购人：示例市公安局网络安全保卫支队</p>",
        "<p>公告日期：2024年5月20日</p>",
    ])
    with open(path, "wb") as out:
        out.write(page.encode("utf-8"))


def write_tw_yuqing_tender(path):
    page = html_page("示例縣政府網路輿情監測服務採購案招標公告", "utf-8", [
        "<h1>招標公告</h1>",
        "<table>",
        "<tr><td>機關名稱</td><td>示例縣政府</td></tr>",
        "<tr><td>標案案號</td><td>SL113-0301</td></tr>",
        "<tr><td>標案名稱</td><td>113年度網路輿情監測服務採購案</td></tr>",
        "<tr><td>招標方式</td><td>公開招標</td></tr>",
        "<tr><td>預算金額</td><td>新臺幣參拾貳萬元整</td></tr>",
        "<tr><td>截止投標</td><td>113/03/15 17:00</td></tr>",
        "<tr><td>開標時間</td><td>113/03/18 10:00</td></tr>",
        "</table>",
        "<p>本案辦理網路輿情監測，蒐集新聞媒體及社群平臺之公開討論，每週提供分析報告。"
        "本案依政府採購法辦理。</p>",
    ])
    with open(path, "wb") as out:
        out.write(page.encode("utf-8"))


# ---------------------------------------------------------------------------
# DOCX written part by part with zipfile.

# Every member gets this timestamp so the ZIP bytes do not depend on the clock.
ZIP_TIME = (2024, 1, 1, 0, 0, 0)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def w_paragraph(text, bold=False):
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return (f"<w:p><w:r>{props}<w:t xml:space=\"preserve\">"
            f"{html.escape(text, quote=False)}</w:t></w:r></w:p>")


def w_table(rows):
    cells = []
    for row in rows:
        tcs = "".join(f"<w:tc><w:tcPr><w:tcW w:w=\"2400\" w:type=\"dxa\"/></w:tcPr>"
                      f"{w_paragraph(cell)}</w:tc>" for cell in row)
        cells.append(f"<w:tr>{tcs}</w:tr>")
    borders = "".join(f"<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (f"<w:tbl><w:tblPr><w:tblBorders>{borders}</w:tblBorders></w:tblPr>"
            f"{''.join(cells)}</w:tbl>")


def write_docx(path, title, creator, body_xml, header_text, footer_text):
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
        '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        '</Types>')
    package_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
        '</Relationships>')
    document_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
        '</Relationships>')
    section = ('<w:sectPr><w:headerReference w:type="default" r:id="rId1"/>'
               '<w:footerReference w:type="default" r:id="rId2"/>'
               '<w:pgSz w:w="11906" w:h="16838"/></w:sectPr>')
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
        f'{body_xml}{section}</w:body></w:document>')
    header = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              f'<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}">{w_paragraph(header_text)}</w:hdr>')
    footer = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}">{w_paragraph(footer_text)}</w:ftr>')
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f'<dc:title>{html.escape(title, quote=False)}</dc:title>'
        f'<dc:creator>{html.escape(creator, quote=False)}</dc:creator>'
        '<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-01T09:00:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-03-01T09:00:00Z</dcterms:modified>'
        '</cp:coreProperties>')
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           '<Application>bidscope make-corpus-sample.py</Application></Properties>')
    parts = [("[Content_Types].xml", content_types), ("_rels/.rels", package_rels),
             ("word/document.xml", document), ("word/_rels/document.xml.rels", document_rels),
             ("word/header1.xml", header), ("word/footer1.xml", footer),
             ("docProps/core.xml", core), ("docProps/app.xml", app)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))


def write_police_platform_docx(path):
    body = "".join([
        w_paragraph("示例市公安局情报研判平台升级项目单一来源采购公示", bold=True),
        w_paragraph("项目编号：SLDY-2024-0009"),
        w_paragraph("一、采购人：示例市公安局"),
        w_paragraph("二、项目概况：对现有情报研判平台进行扩容升级，新增多源数据汇聚、"
                    "人员关系图谱分析和境外社交媒体线索比对模块。"),
        w_paragraph("三、拟采购金额：￥1,860,000.00元（壹佰捌拾陆万元整）"),
        w_paragraph("四、拟定供应商信息"),
        w_table([["供应商名称", "统一社会信用代码", "地址"],
                 ["示例科技有限公司", USCC_TECH, "示例市高新区创新路18号"]]),
        w_paragraph("五、采用单一来源采购方式的原因及说明：现有平台由示例科技有限公司建设，"
                    "升级模块须与原平台数据结构和接口保持一致，只能从原供应商处采购。"),
        w_paragraph("六、专家论证意见：专家组认为本项目符合《中华人民共和国政府采购法》"
                    "第三十一条第（二）项规定的情形。"),
        w_paragraph("七、公示期限：2024年3月11日至2024年3月15日（5个工作日）。"),
        w_paragraph("八、联系方式：示例市公安局装备财务处　0999-12340000"),
    ])
    write_docx(path, "示例市公安局情报研判平台升级项目单一来源采购公示",
               "示例市公安局", body, "示例市政府采购网", "第1页　共1页")


def write_furniture_amendment_docx(path):
    body = "".join([
        w_paragraph("示例市教育局办公家具采购项目更正公告", bold=True),
        w_paragraph("一、项目基本情况"),
        w_paragraph("原公告的采购项目编号：SLZB-2024-0150"),
        w_paragraph("原公告的采购项目名称：示例市教育局办公家具采购项目"),
        w_paragraph("首次公告日期：2024年3月1日"),
        w_paragraph("二、更正信息"),
        w_table([["更正事项", "原内容", "更正为"],
                 ["开标时间", "2024年3月20日上午9时30分", "2024年3月27日上午9时30分（北京时间）"],
                 ["预算金额", "45万元", "人民币肆拾捌万元整"]]),
        w_paragraph("三、其他补充事项：除上述更正内容外，原招标公告其他内容不变。"
                    "采购内容为办公桌、文件柜、会议桌椅等办公家具一批。"),
        w_paragraph("四、联系方式：采购人：示例市教育局　联系人：孙老师　联系电话：0999-3330000"),
    ])
    write_docx(path, "示例市教育局办公家具采购项目更正公告", "示例市教育局",
               body, "示例市政府采购网　更正公告", "示例市教育局")


# ---------------------------------------------------------------------------
# Plain text.


def write_face_intent_txt(path):
    text = "\n".join([
        "示例县公安局2024年7月政府采购意向",
        "",
        "采购项目名称：人脸识别门禁及视频结构化系统",
        "采购需求概况：在县局办公区、看守所出入口部署人脸识别门禁终端12套，",
        "并对存量视频开展结构化解析，提取人员、车辆特征。",
        "预算金额（元）：320000",
        "预计采购时间：2024年7月",
        "备注：本次公开的采购意向是初步安排，以采购公告为准。",
        "",
        "示例县公安局",
        "2024年6月3日",
        "",
    ])
    with open(path, "wb") as out:
        out.write(text.encode("utf-8"))


def write_xueliang_amendment_gb18030(path):
    # 䶮 (U+4DAE) is outside GBK: GB18030 stores it as a four-byte sequence.
    text = "\r\n".join([
        "示例县“雪亮工程”视频监控建设项目（二期）更正公告",
        "",
        "项目编号：SLCG-2024-0207",
        "更正事项：投标截止时间由2024年3月5日上午9时30分延长至2024年3月12日上午9时30分（北京时间）。",
        "更正原因：采购需求中人脸识别摄像机数量由150台调整为200台。",
        "其他内容不变。",
        "联系人：刘䶮　联系电话：0999-5550101",
        "示例县公共资源交易中心",
        "2024年2月27日",
        "",
    ])
    with open(path, "wb") as out:
        out.write(text.encode("gb18030"))


def write_english_summary_txt(path):
    text = "\n".join([
        "Summary: Shili City police tender for public-opinion monitoring",
        "",
        "Source notice: 示例市公安局网络舆情监测服务项目公开招标公告, "
        "project number SLZB-2024-0113, published 22 February 2024.",
        "",
        "The Shili City Public Security Bureau (公安局) invited bids for one year of",
        "online public-opinion monitoring (舆情监测). The budget is CNY 1,234,567.89.",
        "The winning vendor monitors news sites, forums, Weibo, WeChat and short-video",
        "platforms around the clock, and collects public posts about the city from",
        "overseas social media, naming Twitter, Facebook and YouTube (推特、脸书、油管).",
        "Posts are translated and archived daily. Sensitive items are flagged to the",
        "police within fifteen minutes.",
        "",
        "Bids closed at 9:30 on 15 March 2024, Beijing time. The notice does not say",
        "how collected posts are stored or who reviews what is monitored.",
        "",
        "All names and numbers in this sample are fictitious.",
        "",
    ])
    with open(path, "wb") as out:
        out.write(text.encode("utf-8"))


# File name and writer of each sample document. A name starts with the
# language (zh, tw, hk, en) and README.md describes each file.
DOCUMENTS = [
    ("zh-yuqing-tender.pdf", write_yuqing_tender_pdf),
    ("zh-xueliang-award.pdf", write_xueliang_award_pdf),
    ("tw-face-recognition-award.pdf", write_tw_face_award_pdf),
    ("en-social-media-rfq.pdf", write_us_rfq_pdf),
    ("zh-propaganda-intent-gbk.html", write_propaganda_intent_gbk),
    ("zh-cleaning-award.html", write_cleaning_award_utf8),
    ("hk-cctv-tender-big5.html", write_hk_tender_big5),
    ("zh-overseas-social-media-award.html", write_overseas_social_media_award),
    ("tw-yuqing-tender.html", write_tw_yuqing_tender),
    ("zh-police-platform-single-source.docx", write_police_platform_docx),
    ("zh-furniture-amendment.docx", write_furniture_amendment_docx),
    ("zh-face-recognition-intent.txt", write_face_intent_txt),
    ("zh-xueliang-amendment-gb18030.txt", write_xueliang_amendment_gb18030),
    ("en-yuqing-summary.txt", write_english_summary_txt),
]


def generate(out_dir):
    for code in (USCC_POLICE, USCC_PROPAGANDA, USCC_AGENCY, USCC_TECH,
                 USCC_DATA, USCC_CLEANING):
        assert uscc_is_valid(code), code
    register_fonts()
    documents_dir = os.path.join(out_dir, "documents")
    os.makedirs(documents_dir, exist_ok=True)
    for name, writer in DOCUMENTS:
        writer(os.path.join(documents_dir, name))


# ---------------------------------------------------------------------------
# Checking queries.tsv against the text of the generated files.


class _HtmlText(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self._in_title = tag == "title"
        if tag in ("p", "div", "tr", "td", "th", "h1", "h2", "h3", "br"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        else:
            self.parts.append(data)


def read_text_and_title(path):
    """Return (text, title) of one sample file, decoded as its format requires."""
    raw = open(path, "rb").read()
    if path.endswith(".pdf"):
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"],
                              check=True, capture_output=True).stdout.decode()
        info = subprocess.run(["pdfinfo", path], check=True,
                              capture_output=True).stdout.decode()
        title = re.search(r"^Title:\s*(.*)$", info, re.M).group(1)
        return text, title
    if path.endswith(".html"):
        charset = re.search(rb"charset=([\w-]+)", raw).group(1).decode().lower()
        # GBK is the superset browsers use for a gb2312 declaration.
        codec = {"gb2312": "gbk"}.get(charset, charset)
        parser = _HtmlText()
        parser.feed(raw.decode(codec))
        return "".join(parser.parts), parser.title
    if path.endswith(".docx"):
        # Header and footer text counts as document text, after the body.
        with zipfile.ZipFile(path) as archive:
            body = "".join(archive.read(part).decode() for part in (
                "word/document.xml", "word/header1.xml", "word/footer1.xml"))
            core = archive.read("docProps/core.xml").decode()
        body = re.sub(r"</w:p>", "\n", body)
        text = html.unescape(re.sub(r"<[^>]+>", "", body))
        title = html.unescape(re.search(r"<dc:title>(.*?)</dc:title>", core).group(1))
        return text, title
    codec = "gb18030" if "gb18030" in path else "utf-8"
    return raw.decode(codec), ""


HAN = r"[\u3400-\u9fff\U00020000-\U0002ffff]"
CJK_PUNCT = r"[\u3000-\u303f\uff00-\uffef“”‘’]"


def fold(text):
    """Fold text the way the index is expected to: t2s, NFKC, casefold, and
    whitespace removed where it sits between Han characters or CJK punctuation."""
    converted = subprocess.run(["opencc", "-c", "t2s.json"], input=text.encode(),
                               check=True, capture_output=True).stdout.decode()
    folded = unicodedata.normalize("NFKC", converted).casefold()
    joinable = f"(?:{HAN}|{CJK_PUNCT})"
    folded = re.sub(f"(?<={joinable})\\s+(?={joinable})", "", folded)
    return re.sub(r"\s+", " ", folded)


def english_forms(word):
    """Return the inflected forms of an English word that the sample checks.

    This is no stemmer: it covers the regular -s, -ed and -ing endings that
    the English documents use, enough to verify the stemmed rows of
    queries.tsv by reading.
    """
    base = re.sub(r"(ing|ed|es|s)$", "", word)
    return {base, base + "s", base + "ed", base + "ing", base + "es"}


def term_matches(term, text, title):
    if term.startswith("title:"):
        return term_matches(term[6:], fold(title), "")
    if term.startswith('"') and term.endswith('"'):
        phrase = fold(term[1:-1])
        if re.search(HAN, phrase):
            return phrase in text
        return re.search(r"(?<![\w])" + re.escape(phrase) + r"(?![\w])", text) is not None
    term = fold(term)
    if term.endswith("*"):
        prefix = term[:-1]
        if re.search(HAN, prefix):
            return prefix in text
        return re.search(r"(?<![\w])" + re.escape(prefix), text) is not None
    if re.search(HAN, term):
        return term in text
    if re.fullmatch(r"[a-z]+", term):
        words = set(re.findall(r"[a-z]+", text))
        return bool(words & english_forms(term))
    # Codes and numbers match as a whole token between non-word characters.
    return re.search(r"(?<![\w.,])" + re.escape(term) + r"(?![\w]|[.,]\d)", text) is not None


def query_matches(query, text, title):
    """Evaluate a query of terms joined by AND (the default), OR, NOT and -term,
    left to right. A query that mixes OR with AND would need precedence rules,
    so it raises ValueError."""
    tokens = re.findall(r'"[^"]*"|\S+', query)
    if "OR" in tokens and len(tokens) != 2 * tokens.count("OR") + 1:
        raise ValueError(f"query mixes OR with other operators: {query}")
    result = None
    operator = "AND"
    for token in tokens:
        if token in ("AND", "OR", "NOT"):
            operator = token
            continue
        negate = operator == "NOT"
        if token.startswith("-") and len(token) > 1:
            token, negate = token[1:], True
        value = term_matches(token, text, title)
        if negate:
            value = not value
        if result is None:
            result = value
        elif operator == "OR":
            result = result or value
        else:
            result = result and value
        operator = "AND"
    return bool(result)


def check(sample_dir):
    folded = {}
    for name, _ in DOCUMENTS:
        text, title = read_text_and_title(
            os.path.join(sample_dir, "documents", name))
        folded[name] = (fold(text), title)
    failures = 0
    rows = open(os.path.join(sample_dir, "queries.tsv"), encoding="utf-8").read().splitlines()
    for line_number, line in enumerate(rows[1:], start=2):
        query, must_match, must_not_match = line.split("\t")
        expected = set(filter(None, must_match.split(",")))
        excluded = set(filter(None, must_not_match.split(",")))
        actual = {name for name, (text, title) in folded.items()
                  if query_matches(query, text, title)}
        unknown = (expected | excluded) - set(folded)
        problems = []
        if unknown:
            problems.append(f"unknown files {sorted(unknown)}")
        if actual != expected:
            problems.append(f"matches {sorted(actual)}, must_match lists {sorted(expected)}")
        if actual & excluded:
            problems.append(f"must_not_match lists matching files {sorted(actual & excluded)}")
        if problems:
            failures += 1
            print(f"queries.tsv:{line_number}: {query}: " + "; ".join(problems))
    print(f"{len(rows) - 1} queries checked, {failures} failed")
    return failures == 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=DEFAULT_OUT,
                        help="folder to write the documents to (default: corpus-sample/)")
    parser.add_argument("--check", action="store_true",
                        help="verify queries.tsv against the files in --out instead of writing")
    args = parser.parse_args()
    if args.check:
        return 0 if check(args.out) else 1
    generate(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
