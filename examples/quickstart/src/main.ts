console.log('quickstart placeholder');
