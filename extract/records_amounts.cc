#include "extract/records_amounts.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>

#include "extract/amount.h"
#include "extract/amount_decimal.h"

namespace bidscope {

namespace {

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// Words of an amount column's name, found among the words of the whole
// dotted name ("total_winning_money.money_amount" is total, winning,
// money, money, amount). A name needs a money word. "value" and "sum" are
// too common alone, so they count only beside a kind or currency word. The
// kinds are tried in the order of kKindWords, so "bid_bond" is a deposit
// and "bidAmount" an award.
constexpr std::string_view kMoneyWords[] = {"amount", "amt",     "price",
                                            "money",  "budget",  "fee",
                                            "fees",   "deposit", "cost"};
constexpr std::string_view kWeakMoneyWords[] = {"value", "sum"};

struct KindWords {
  std::string_view kind;
  std::string_view words[8];
};
constexpr KindWords kKindWords[] = {
    {"budget", {"budget", "budgeted", "estimated", "estimate"}},
    {"ceiling", {"ceiling", "max", "maximum", "cap", "limit"}},
    {"deposit", {"deposit", "bond"}},
    {"fee", {"fee", "fees", "commission"}},
    {"award",
     {"award", "awarded", "winning", "win", "bid", "contract", "deal",
      "transaction"}},
    {"total", {"total"}},
};

// Words of the last name component that make a field something other
// than a figure: "money_unit", "currency", "price_type", "bid_count".
constexpr std::string_view kNotAmountWords[] = {
    "currency", "count", "number",  "num",  "no",    "id",
    "rate",     "ratio", "percent", "pct",  "score", "type",
    "code",     "date",  "time",    "year", "desc",  "description",
    "name",     "url",   "status",  "flag"};

// Currency words of a name ("lot_value_eur") or values of a currency field.
struct CurrencyName {
  std::string_view name;
  std::string_view code;
};
constexpr CurrencyName kCurrencyNames[] = {
    {"cny", "CNY"}, {"rmb", "CNY"},   {"人民币", "CNY"}, {"元", "CNY"},
    {"usd", "USD"}, {"美元", "USD"},  {"eur", "EUR"},    {"欧元", "EUR"},
    {"hkd", "HKD"}, {"港元", "HKD"},  {"港币", "HKD"},   {"twd", "TWD"},
    {"ntd", "TWD"}, {"新台币", "TWD"}};

// Unit words of a unit field's value or of a name's bracket, as powers of
// ten of the currency unit.
struct UnitName {
  std::string_view name;
  int power;
};
constexpr UnitName kUnitNames[] = {{"元", 0}, {"yuan", 0}, {"万元", 4},
                                   {"万", 4}, {"亿元", 8}, {"亿", 8}};

// Splits a field name into lower-case words at '.', '_', '-', spaces and
// camelCase humps. Bytes outside ASCII end the word they are in.
std::vector<std::string> NameWords(std::string_view name) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (std::isalnum(c)) {
      bool hump = std::isupper(c) && i > 0 &&
                  std::islower(static_cast<unsigned char>(name[i - 1]));
      if (hump) flush();
      word += static_cast<char>(std::tolower(c));
    } else {
      flush();
    }
  }
  flush();
  return words;
}

template <typename Words>
bool HasAnyWord(const std::vector<std::string>& words, const Words& names) {
  for (const std::string& word : words) {
    for (std::string_view name : names) {
      if (!name.empty() && word == name) return true;
    }
  }
  return false;
}

bool HasWord(const std::vector<std::string>& words, std::string_view name) {
  return std::find(words.begin(), words.end(), name) != words.end();
}

std::string Trimmed(std::string_view text) {
  size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(start, end - start + 1));
}

std::string CurrencyOf(std::string_view text) {
  std::string lower = AsciiLower(Trimmed(text));
  for (const CurrencyName& c : kCurrencyNames) {
    if (lower == c.name) return std::string(c.code);
  }
  return "";
}

std::optional<int> UnitPowerOf(std::string_view text) {
  std::string lower = AsciiLower(Trimmed(text));
  for (const UnitName& u : kUnitNames) {
    if (lower == u.name) return u.power;
  }
  return std::nullopt;
}

// Returns the unit power named in a bracket at the end of a field name:
// 4 for "price(万元)".
std::optional<int> BracketUnit(std::string_view name) {
  for (std::string_view open : {"(", "（"}) {
    size_t at = name.rfind(open);
    if (at == std::string_view::npos) continue;
    std::string_view inside = name.substr(at + open.size());
    for (std::string_view close : {")", "）"}) {
      if (inside.ends_with(close)) {
        return UnitPowerOf(inside.substr(0, inside.size() - close.size()));
      }
    }
  }
  return std::nullopt;
}

// Returns the kind of an amount column, or "" when the name is not one.
std::string AmountKindOf(std::string_view name) {
  size_t dot = name.rfind('.');
  std::vector<std::string> last =
      NameWords(dot == std::string_view::npos ? name : name.substr(dot + 1));
  if (HasAnyWord(last, kNotAmountWords)) return "";
  bool unit_price = false;
  for (size_t i = 0; i + 1 < last.size(); ++i) {
    unit_price |= last[i] == "unit" && last[i + 1] == "price";
  }
  if (HasWord(last, "unit") && !unit_price) return "";

  std::vector<std::string> words = NameWords(name);
  std::string kind;
  for (const KindWords& k : kKindWords) {
    if (kind.empty() && HasAnyWord(words, k.words)) kind = k.kind;
  }
  if (unit_price) kind = "unit_price";
  bool named_currency = false;
  for (const std::string& word : words) {
    named_currency |= !CurrencyOf(word).empty();
  }
  bool money =
      HasAnyWord(words, kMoneyWords) ||
      (HasAnyWord(words, kWeakMoneyWords) && (!kind.empty() || named_currency));
  if (!money) return "";
  return kind.empty() ? "other" : kind;
}

// Rounds to cents: JSON numbers written from binary floating point carry
// digits such as 446422994.0300024.
Decimal RoundToCents(Decimal value) {
  if (value.scale <= 2) return value;
  // Digits past the third decimal are cut one at a time, because a power
  // of ten for a long fraction ("0.000…01") would overflow. Rounding the
  // third decimal of the cut value is the same as rounding the whole.
  for (; value.scale > 3; --value.scale) value.units /= 10;
  value.units = (value.units + 5) / 10;
  value.scale = 2;
  return value;
}

// Parses the field's value as an amount: a bare figure (commas allowed) in
// the given unit, or text that the amount patterns read as exactly one
// amount ("709639.20元", "6.6568万元").
std::optional<Amount> ParseColumnAmount(std::string_view text, int power) {
  std::string digits;
  for (char c : Trimmed(text)) {
    if (c != ',') digits += c;
  }
  if (std::optional<Decimal> bare = ParseDecimal(digits)) {
    Decimal value = *bare;
    for (int i = 0; i < power; ++i) {
      std::optional<Decimal> scaled = MultiplyDecimal(value, 10);
      if (!scaled) return std::nullopt;
      value = *scaled;
    }
    Amount amount;
    amount.value = DecimalToString(RoundToCents(value));
    amount.currency = "CNY";
    return amount;
  }
  std::vector<Amount> found = FindAmounts(text, 1, AmountOptions(), nullptr);
  if (found.size() != 1) return std::nullopt;
  std::optional<Decimal> value = ParseDecimal(found[0].value);
  if (!value) return std::nullopt;
  found[0].value = DecimalToString(RoundToCents(*value));
  return found[0];
}

// Returns everything before the last dot, with the dot, which siblings
// share.
std::string_view ParentPath(std::string_view name) {
  size_t dot = name.rfind('.');
  return dot == std::string_view::npos ? std::string_view()
                                       : name.substr(0, dot + 1);
}

}  // namespace

std::vector<RecordAmount> FindRecordAmounts(const RecordFields& fields) {
  std::vector<RecordAmount> amounts;
  for (const auto& [name, text] : fields) {
    std::string kind = AmountKindOf(name);
    if (kind.empty()) continue;

    // The sibling fields of a money object, or of the record's top level,
    // may name the unit and currency.
    std::optional<int> power = BracketUnit(name);
    std::string currency;
    for (const std::string& word : NameWords(name)) {
      if (currency.empty()) currency = CurrencyOf(word);
    }
    bool unknown_currency = false;
    std::string_view parent = ParentPath(name);
    for (const auto& [other, other_text] : fields) {
      if (ParentPath(other) != parent || other == name) continue;
      std::vector<std::string> words =
          NameWords(std::string_view(other).substr(parent.size()));
      if (HasWord(words, "unit") && !power) {
        power = UnitPowerOf(other_text);
      }
      if (HasWord(words, "currency") && currency.empty()) {
        currency = CurrencyOf(other_text);
        unknown_currency = currency.empty() && !Trimmed(other_text).empty();
      }
    }
    if (unknown_currency) continue;

    std::optional<Amount> amount = ParseColumnAmount(text, power.value_or(0));
    if (!amount || amount->value == "0") continue;
    RecordAmount column;
    column.column = name;
    column.text = Trimmed(text);
    column.kind = kind;
    column.value = amount->value;
    column.currency = currency.empty() ? amount->currency : currency;
    amounts.push_back(std::move(column));
  }
  return amounts;
}

}  // namespace bidscope
