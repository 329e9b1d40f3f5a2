# Writes OUTPUT: the files JSON and TEXT as the C++ byte arrays
# kStoredJsonDictionary1 and kStoredTextDictionary1.
function(embed file name out)
  file(READ ${file} hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(REGEX REPLACE "((0x..,){16})" "\\1\n" bytes "${bytes}")
  set(${out} "constexpr unsigned char ${name}[] = {\n${bytes}\n};\n"
      PARENT_SCOPE)
endfunction()

embed(${JSON} kStoredJsonDictionary1 json)
embed(${TEXT} kStoredTextDictionary1 text)
file(WRITE ${OUTPUT} "// Generated from index/dictionaries; do not edit.\n"
     "${json}${text}")
