#!/usr/bin/env python3
"""Validate held-out set heldout2/b: the checks of heldout3/b/validate.py, run on this folder."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.exit(subprocess.call([sys.executable, os.path.join(HERE, "..", "..", "heldout3/b", "validate.py"), HERE]))
