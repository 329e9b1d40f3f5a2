// E-mail messages and saved web pages (MHTML), written here as MIME text.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/extract.h"
#include "extract/formats.h"

namespace bidscope {
namespace {

// A tip-off as investigators receive them: a GBK plain-text body with an
// HTML alternative, a text attachment in base64 and a forwarded message.
const std::string kEmail =
    "From: =?utf-8?B?55uR5o6n6K6+5aSH6YeH6LSt?= <tips@example.org>\r\n"
    "To: desk@example.org\r\n"
    "Subject: =?utf-8?B?55uR5o6n6K6+5aSH6YeH6LSt?=\r\n"
    "Date: Thu, 1 Jun 2023 10:00:00 +0800\r\n"
    "Message-ID: <tip-1@example.org>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed; boundary=\"outer\"\r\n"
    "\r\n"
    "--outer\r\n"
    "Content-Type: multipart/alternative; boundary=\"inner\"\r\n"
    "\r\n"
    "--inner\r\n"
    "Content-Type: text/plain; charset=gbk\r\n"
    "Content-Transfer-Encoding: 8bit\r\n"
    "\r\n"
    "\xD5\xFD\xCE\xC4\xA3\xBA\xC4\xB3\xC4\xB3\xCF\xEE\xC4\xBF\xCD\xB6\xB1\xEA"
    "\xD1\xFB\xC7\xEB\r\n"
    "--inner\r\n"
    "Content-Type: text/html; charset=utf-8\r\n"
    "\r\n"
    "<p>HTML alternative</p>\r\n"
    "--inner--\r\n"
    "--outer\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Disposition: attachment; filename=\"notice.txt\"\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "\r\n"
    "6ZmE5Lu277ya5Lit5qCH6YCa55+l5LmmCuS4reagh+mHkemine+8mjEwMOS4h+WFgwo=\r\n"
    "--outer\r\n"
    "Content-Type: message/rfc822\r\n"
    "\r\n"
    "From: source@example.org\r\n"
    "Subject: forwarded\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "\r\n"
    "转发的公告正文\r\n"
    "--outer--\r\n";

const std::string kSavedPage =
    "From: <Saved by Blink>\r\n"
    "Snapshot-Content-Location: http://www.ccgp.gov.cn/a.htm\r\n"
    "Subject: saved\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/related;\r\n"
    "\ttype=\"text/html\";\r\n"
    "\tboundary=\"page\"\r\n"
    "\r\n"
    "--page\r\n"
    "Content-Type: text/html; charset=utf-8\r\n"
    "Content-Transfer-Encoding: quoted-printable\r\n"
    "Content-Location: http://www.ccgp.gov.cn/a.htm\r\n"
    "\r\n"
    "<html><head><title>=E6=9F=90=E5=B8=82=E5=85=AC=E5=AE=89=E5=B1=80=E4=B8=AD="
    "\r\n"
    "=E6=A0=87=E5=85=AC=E5=91=8A</title></"
    "head><body><p>=E9=87=87=E8=B4=AD=E4=BA=\r\n"
    "=BA=EF=BC=9A=E6=9F=90=E5=B8=82=E5=85=AC=E5=AE=89=E5=B1=80</"
    "p><p>=E4=B8=AD=\r\n"
    "=E6=A0=87=E4=BE=9B=E5=BA=94=E5=95=86=EF=BC=9A=E7=BD=91=E9=A1=B5=E5=AD=98="
    "E6=\r\n"
    "=A1=A3=E7=A7=91=E6=8A=80=E6=9C=89=E9=99=90=E5=85=AC=E5=8F=B8</p></body></"
    "ht=\r\n"
    "ml>\r\n"
    "--page\r\n"
    "Content-Type: image/png\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "Content-Location: http://www.ccgp.gov.cn/logo.png\r\n"
    "\r\n"
    "iVBORw0KGgo=\r\n"
    "--page--\r\n";

TEST(MimeTest, DetectsEmailAndSavedPage) {
  EXPECT_EQ(DetectFormat(kEmail), Format::kEmail);
  EXPECT_EQ(DetectFormat(kSavedPage), Format::kMhtml);
  // Header-like lines without MIME headers are text.
  EXPECT_EQ(DetectFormat("Note: draft\nOwner: desk\n\n正文\n"), Format::kText);
}

TEST(MimeTest, EmailGivesHeadersBodyAndAttachments) {
  std::vector<Document> docs = ExtractBytes(kEmail, "tip.eml", {});
  ASSERT_EQ(docs.size(), 3u);

  const Document& mail = docs[0];
  EXPECT_EQ(mail.status, ExtractStatus::kOk) << mail.error;
  EXPECT_EQ(mail.format, Format::kEmail);
  EXPECT_EQ(mail.metadata.title, "监控设备采购");
  EXPECT_NE(mail.metadata.author.find("tips@example.org"), std::string::npos);
  EXPECT_EQ(mail.metadata.created, "2023-06-01T10:00:00+08:00");
  EXPECT_EQ(mail.metadata.extra.at("to"), "desk@example.org");
  ASSERT_EQ(mail.pages.size(), 1u);
  const std::string& text = mail.pages[0].text;
  EXPECT_NE(text.find("Subject: 监控设备采购\n"), std::string::npos) << text;
  EXPECT_NE(text.find("正文：某某项目投标邀请"), std::string::npos) << text;
  EXPECT_EQ(text.find("HTML alternative"), std::string::npos) << text;
  EXPECT_EQ(text.find('\r'), std::string::npos) << text;

  EXPECT_EQ(docs[1].locator, "notice.txt");
  EXPECT_EQ(docs[1].parent_id, mail.id);
  EXPECT_EQ(docs[1].format, Format::kText);
  ASSERT_EQ(docs[1].pages.size(), 1u);
  EXPECT_EQ(docs[1].pages[0].text, "附件：中标通知书\n中标金额：100万元\n");

  EXPECT_EQ(docs[2].locator, "forwarded.eml");
  EXPECT_EQ(docs[2].format, Format::kEmail);
  ASSERT_EQ(docs[2].pages.size(), 1u);
  EXPECT_NE(docs[2].pages[0].text.find("转发的公告正文"), std::string::npos);
}

// Two messages: one from before MIME, one with an attachment and a body
// line that the mailbox escaped as ">From".
const std::string kMailbox =
    "From alice@example.org Mon Mar  4 09:00:00 2024\n"
    "From: Alice <alice@example.org>\n"
    "Subject: 招标文件\n"
    "Date: Mon, 4 Mar 2024 09:00:00 +0800\n"
    "\n"
    "请查收舆情监测系统招标文件。\n"
    "\n"
    "From bob@example.org Tue Mar  5 10:00:00 2024\n"
    "From: Bob <bob@example.org>\n"
    "Subject: Re: tender\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/mixed; boundary=\"b1\"\n"
    "\n"
    "--b1\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "\n"
    "The bid is attached.\n"
    ">From the office.\n"
    "--b1\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "Content-Disposition: attachment; filename=\"bid.txt\"\n"
    "\n"
    "投标报价：人民币伍万元整\n"
    "--b1--\n";

TEST(MimeTest, MailboxGivesEachMessage) {
  EXPECT_EQ(DetectFormat(kMailbox), Format::kMbox);
  EXPECT_EQ(DetectFormat("From here on, the text is plain.\nNo: header\n"),
            Format::kText);

  std::vector<Document> docs = ExtractBytes(kMailbox, "inbox.mbox", {});
  ASSERT_EQ(docs.size(), 4u);
  const Document& box = docs[0];
  EXPECT_EQ(box.status, ExtractStatus::kOk) << box.error;
  EXPECT_EQ(box.format, Format::kMbox);
  ASSERT_EQ(box.pages.size(), 1u);
  EXPECT_EQ(box.pages[0].text, "message 1: 招标文件\nmessage 2: Re: tender\n");

  EXPECT_EQ(docs[1].format, Format::kEmail);
  EXPECT_EQ(docs[1].locator, "message 1");
  EXPECT_EQ(docs[1].parent_id, box.id);
  EXPECT_EQ(docs[1].metadata.title, "招标文件");
  ASSERT_EQ(docs[1].pages.size(), 1u);
  EXPECT_NE(docs[1].pages[0].text.find("请查收舆情监测系统招标文件"),
            std::string::npos);

  EXPECT_EQ(docs[2].locator, "message 2");
  EXPECT_NE(docs[2].id, docs[1].id);
  ASSERT_EQ(docs[2].pages.size(), 1u);
  EXPECT_EQ(docs[2].pages[0].text.find("bid.txt"), std::string::npos);
  EXPECT_NE(docs[2].pages[0].text.find(">From the office."), std::string::npos);

  EXPECT_EQ(docs[3].locator, "message 2/bid.txt");
  EXPECT_EQ(docs[3].parent_id, docs[2].id);
  ASSERT_EQ(docs[3].pages.size(), 1u);
  EXPECT_EQ(docs[3].pages[0].text, "投标报价：人民币伍万元整");
}

TEST(MimeTest, MailboxWithoutMessagesFails) {
  std::vector<Document> docs = ExtractMbox("", {}, 0);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].format, Format::kMbox);
  EXPECT_EQ(docs[0].status, ExtractStatus::kFailed);
  EXPECT_NE(docs[0].error.find("mailbox"), std::string::npos) << docs[0].error;

  // A file named .mbox with other content fails, naming the format that
  // its name promised.
  std::vector<Document> junk =
      ExtractBytes(std::string("\x01\x02\x03\xff\xfe", 5), "inbox.mbox", {});
  ASSERT_EQ(junk.size(), 1u);
  EXPECT_EQ(junk[0].status, ExtractStatus::kFailed);
  EXPECT_NE(junk[0].error.find("mailbox (mbox)"), std::string::npos)
      << junk[0].error;
}

TEST(MimeTest, SavedPageGivesItsHtmlText) {
  std::vector<Document> docs = ExtractBytes(kSavedPage, "page.mht", {});
  ASSERT_EQ(docs.size(), 1u);
  const Document& page = docs[0];
  EXPECT_EQ(page.status, ExtractStatus::kOk) << page.error;
  EXPECT_EQ(page.format, Format::kMhtml);
  EXPECT_EQ(page.metadata.title, "某市公安局中标公告");
  EXPECT_EQ(page.metadata.extra.at("url"), "http://www.ccgp.gov.cn/a.htm");
  ASSERT_EQ(page.pages.size(), 1u);
  EXPECT_EQ(page.pages[0].text,
            "采购人：某市公安局\n中标供应商：网页存档科技有限公司");
}

// A page saved by Chrome whose notice is in an <iframe>: the frame is a
// part of its own, here in GBK.
const std::string kFramedPage =
    "From: <Saved by Blink>\r\n"
    "Snapshot-Content-Location: http://www.ccgp.gov.cn/b.htm\r\n"
    "Subject: framed\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/related; type=\"text/html\"; "
    "boundary=\"frames\"\r\n"
    "\r\n"
    "--frames\r\n"
    "Content-Type: text/html; charset=utf-8\r\n"
    "Content-Location: http://www.ccgp.gov.cn/b.htm\r\n"
    "\r\n"
    "<html><head><title>公告详情</title></head><body><h1>公告详情</h1>"
    "<iframe src=\"cid:frame-1@mhtml.blink\"></iframe></body></html>\r\n"
    "--frames\r\n"
    "Content-Type: text/css\r\n"
    "Content-Location: cid:css-1@mhtml.blink\r\n"
    "\r\n"
    "h1 { color: red }\r\n"
    "--frames\r\n"
    "Content-Type: text/html; charset=gbk\r\n"
    "Content-ID: <frame-1@mhtml.blink>\r\n"
    "Content-Location: cid:frame-1@mhtml.blink\r\n"
    "\r\n"
    // <p>采购人：某市公安局</p>
    "<html><body><p>\xB2\xC9\xB9\xBA\xC8\xCB\xA3\xBA\xC4\xB3\xCA\xD0"
    "\xB9\xAB\xB0\xB2\xBE\xD6</p></body></html>\r\n"
    "--frames--\r\n";

TEST(MimeTest, SavedPageGivesTextOfItsFrames) {
  std::vector<Document> docs = ExtractBytes(kFramedPage, "framed.mht", {});
  ASSERT_EQ(docs.size(), 1u);
  const Document& page = docs[0];
  EXPECT_EQ(page.status, ExtractStatus::kOk) << page.error;
  EXPECT_EQ(page.metadata.title, "公告详情");
  EXPECT_EQ(page.metadata.extra.at("url"), "http://www.ccgp.gov.cn/b.htm");
  ASSERT_EQ(page.pages.size(), 1u);
  EXPECT_EQ(page.pages[0].text, "公告详情\n采购人：某市公安局");
}

// A saved page with frames between its own text: one named by
// Content-ID as Chrome saves it, one by its address, which frames itself,
// and a part that no frame names.
const std::string kPageWithFramesBetween =
    "From: <Saved by Blink>\r\n"
    "Snapshot-Content-Location: http://www.ccgp.gov.cn/c.htm\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/related; type=\"text/html\"; boundary=\"b\"\r\n"
    "\r\n"
    "--b\r\n"
    "Content-Type: text/html; charset=utf-8\r\n"
    "Content-Location: http://www.ccgp.gov.cn/c.htm\r\n"
    "\r\n"
    "<html><body><h1>中标公告</h1>"
    "<iframe "
    "src=\"cid:frame-1@mhtml.blink\"></iframe><p>发布日期：2024年3月1日</p>"
    "<iframe src=\"http://www.ccgp.gov.cn/amount.htm\"></iframe>"
    "<p>示例市财政局</p></body></html>\r\n"
    "--b\r\n"
    "Content-Type: text/html; charset=utf-8\r\n"
    "Content-Location: http://www.ccgp.gov.cn/amount.htm\r\n"
    "\r\n"
    "<html><body><p>中标金额：320万元</p>"
    "<iframe src=\"http://www.ccgp.gov.cn/amount.htm\"></iframe>"
    "</body></html>\r\n"
    "--b\r\n"
    "Content-Type: text/html; charset=utf-8\r\n"
    "Content-Location: http://www.ccgp.gov.cn/ad.htm\r\n"
    "\r\n"
    "<html><body><p>相关公告</p></body></html>\r\n"
    "--b\r\n"
    "Content-Type: text/html; charset=utf-8\r\n"
    "Content-ID: <frame-1@mhtml.blink>\r\n"
    "\r\n"
    "<html><body><p>中标供应商：示例科技有限公司</p></body></html>\r\n"
    "--b--\r\n";

TEST(MimeTest, FrameTextTakesTheFramesPlace) {
  std::vector<Document> docs =
      ExtractBytes(kPageWithFramesBetween, "between.mht", {});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].status, ExtractStatus::kOk) << docs[0].error;
  ASSERT_EQ(docs[0].pages.size(), 1u);
  EXPECT_EQ(docs[0].pages[0].text,
            "中标公告\n中标供应商：示例科技有限公司\n发布日期：2024年3月1日\n"
            "中标金额：320万元\n示例市财政局\n\n相关公告");
}

TEST(MimeTest, FrameTextFillsEmptySavedPage) {
  std::string framed = kFramedPage;
  framed.replace(framed.find("<h1>公告详情</h1>"),
                 std::string("<h1>公告详情</h1>").size(), "");
  framed.replace(framed.find("<title>公告详情</title>"),
                 std::string("<title>公告详情</title>").size(), "");
  std::vector<Document> docs = ExtractBytes(framed, "framed.mht", {});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].status, ExtractStatus::kOk) << docs[0].error;
  ASSERT_EQ(docs[0].pages.size(), 1u);
  EXPECT_EQ(docs[0].pages[0].text, "采购人：某市公安局");
}

TEST(MimeTest, DamagedMessageFailsOrKeepsWhatItCan) {
  // Cut inside the first part: the body that arrived is kept.
  std::vector<Document> cut =
      ExtractBytes(kEmail.substr(0, kEmail.find("--inner\r\nContent-Type: "
                                                "text/html")),
                   "cut.eml", {});
  ASSERT_FALSE(cut.empty());
  EXPECT_EQ(cut[0].status, ExtractStatus::kOk) << cut[0].error;
  ASSERT_EQ(cut[0].pages.size(), 1u);
  EXPECT_NE(cut[0].pages[0].text.find("正文"), std::string::npos);

  // Junk under an e-mail name is a failure that names the format.
  std::vector<Document> junk =
      ExtractBytes(std::string("\x01\x02\x03\xFF\xFE", 5), "x.eml", {});
  ASSERT_EQ(junk.size(), 1u);
  EXPECT_EQ(junk[0].status, ExtractStatus::kFailed);
  EXPECT_NE(junk[0].error.find("not a MIME e-mail file"), std::string::npos)
      << junk[0].error;
}

}  // namespace
}  // namespace bidscope
