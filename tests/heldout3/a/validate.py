#!/usr/bin/env python3
"""Validate held-out set heldout3/a: the checks of heldout2/a/validate.py, run on this folder."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.exit(subprocess.call([sys.executable, os.path.join(HERE, "..", "..", "heldout2/a", "validate.py"), HERE]))
