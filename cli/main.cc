#include <cstdio>
int main() { std::puts("bidscope: under construction"); return 2; }
