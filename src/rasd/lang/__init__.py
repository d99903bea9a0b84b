"""Language modules: everything the code needs to know about a language lives in one module per
language (letters, grammar-word sets, date patterns) and in its data files, so the code that uses
them stays language-neutral."""
